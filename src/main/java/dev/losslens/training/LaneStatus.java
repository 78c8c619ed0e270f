package dev.losslens.training;

import dev.losslens.notation.Keyed;

/** Life of one lane. */
public enum LaneStatus implements Keyed {
    QUEUED, RUNNING, FINISHED, DIVERGED, CANCELLED, INTERRUPTED, FAILED;

    @Override
    public String toString() {
        return key();
    }
}
