package dev.losslens.training;

/** Life of one lane. */
public enum LaneStatus {
    QUEUED, RUNNING, FINISHED, DIVERGED, CANCELLED, INTERRUPTED, FAILED;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return key();
    }

    public static LaneStatus of(String key) {
        return valueOf(key.toUpperCase(java.util.Locale.ROOT));
    }
}
