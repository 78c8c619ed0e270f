package dev.losslens.training;

import java.util.Locale;

/** Life of a comparison in the shared queue. */
enum ComparisonStatus {
    QUEUED, RUNNING, FINISHED, CANCELLED, INTERRUPTED, FAILED;

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean done() {
        return this != QUEUED && this != RUNNING;
    }

    static ComparisonStatus of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
