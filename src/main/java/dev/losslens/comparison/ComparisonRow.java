package dev.losslens.comparison;

import java.time.Instant;

/** A stored comparison as the queue and the pages read it. */
public record ComparisonRow(long id, ComparisonConfig config, ComparisonStatus status, Long replayOf, int stepsDone,
                     Double tokensPerSecond, Instant createdAt, Instant startedAt, Instant finishedAt,
                     String message) {

    /** Whose lanes, points and generations this comparison shows: its own, or the original it replays. */
    public long dataId() {
        return replayOf != null ? replayOf : id;
    }
}
