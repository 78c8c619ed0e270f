package dev.losslens.objective;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three objectives by name; {@link #key()} is the word the API, the pages and the database use. */
public enum ObjectiveKind {
    PRETRAINING, INSTRUCTION, WEIGHTED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ObjectiveKind> parse(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key().equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key();
    }
}
