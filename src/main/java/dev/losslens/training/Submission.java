package dev.losslens.training;

/** What a submit did: queued a new comparison, replayed a finished identical one, or joined a running one. */
record Submission(ComparisonView comparison, Kind kind) {

    enum Kind {
        QUEUED, REPLAYED, JOINED
    }
}
