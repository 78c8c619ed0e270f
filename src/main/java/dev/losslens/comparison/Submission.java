package dev.losslens.comparison;

import dev.losslens.notation.Keyed;

/** What a submit did: queued a new comparison, replayed a finished identical one, or joined a running one. */
public record Submission(ComparisonView comparison, Kind kind) {

    public enum Kind implements Keyed {
        QUEUED, REPLAYED, JOINED;

        @Override
        public String toString() {
            return key();
        }
    }
}
