package dev.losslens.comparison;

import dev.losslens.notation.Keyed;

/** Life of a comparison in the shared queue. */
public enum ComparisonStatus implements Keyed {
    QUEUED, RUNNING, FINISHED, CANCELLED, INTERRUPTED, FAILED;

    @Override
    public String toString() {
        return key();
    }

    public boolean done() {
        return this != QUEUED && this != RUNNING;
    }
}
