package dev.losslens.lab;

import dev.losslens.comparison.ComparisonRow;
import dev.losslens.comparison.ComparisonStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** One row of the run history. */
record RunSummary(@Schema(example = "7") long id, @Schema(example = "capitals") String dataset,
                  @Schema(example = "[\"Pre-training objective, from base\", \"Instruction objective, from base\"]")
                  List<String> lanes, @Schema(example = "300") int steps, @Schema(example = "finished") ComparisonStatus status,
                  Long replayOf, Instant createdAt) {

    static RunSummary of(ComparisonRow row) {
        return new RunSummary(row.id(), row.config().dataset(),
                row.config().lanes().stream().map(lane -> lane.spec().label()).toList(),
                row.config().steps(), row.status(), row.replayOf(), row.createdAt());
    }
}
