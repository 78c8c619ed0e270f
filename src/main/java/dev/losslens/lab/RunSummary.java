package dev.losslens.lab;

import dev.losslens.comparison.ComparisonRow;
import java.time.Instant;
import java.util.List;

/** One row of the run history. */
record RunSummary(long id, String dataset, List<String> lanes, int steps, String status, Long replayOf,
                  Instant createdAt) {

    static RunSummary of(ComparisonRow row) {
        return new RunSummary(row.id(), row.config().dataset(),
                row.config().lanes().stream().map(lane -> lane.spec().label()).toList(),
                row.config().steps(), row.status().key(), row.replayOf(), row.createdAt());
    }
}
