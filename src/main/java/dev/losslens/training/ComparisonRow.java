package dev.losslens.training;

import java.time.Instant;

/** A stored comparison as the queue and the pages read it. */
record ComparisonRow(long id, ComparisonConfig config, ComparisonStatus status, Long replayOf, int stepsDone,
                     Double tokensPerSecond, Instant createdAt, Instant startedAt, Instant finishedAt,
                     String message) {

    /** Whose lanes, points and generations this comparison shows: its own, or the original it replays. */
    long dataId() {
        return replayOf != null ? replayOf : id;
    }
}
