package dev.losslens.training;

/** Life of one lane. */
enum LaneStatus {
    QUEUED, RUNNING, FINISHED, DIVERGED, CANCELLED, INTERRUPTED, FAILED;

    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static LaneStatus of(String key) {
        return valueOf(key.toUpperCase(java.util.Locale.ROOT));
    }
}
