package dev.losslens.objective;

import dev.losslens.notation.Keyed;

/** The three objectives by name; {@link #key()} is the word the API, the pages and the database use. */
public enum ObjectiveKind implements Keyed {
    PRETRAINING, INSTRUCTION, WEIGHTED;

    @Override
    public String toString() {
        return key();
    }
}
