package dev.losslens.comparison;

/** What a submit did: queued a new comparison, replayed a finished identical one, or joined a running one. */
public record Submission(ComparisonView comparison, Kind kind) {

    public enum Kind {
        QUEUED, REPLAYED, JOINED
    }
}
