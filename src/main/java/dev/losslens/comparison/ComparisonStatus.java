package dev.losslens.comparison;

import java.util.Locale;

/** Life of a comparison in the shared queue. */
public enum ComparisonStatus {
    QUEUED, RUNNING, FINISHED, CANCELLED, INTERRUPTED, FAILED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean done() {
        return this != QUEUED && this != RUNNING;
    }

    public static ComparisonStatus of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
