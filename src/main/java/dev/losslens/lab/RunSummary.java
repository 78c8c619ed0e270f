package dev.losslens.lab;

import dev.losslens.comparison.ComparisonRow;
import dev.losslens.comparison.ComparisonStatus;
import dev.losslens.comparison.LaneLabel;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.MessageSourceResolvable;

/** One row of the run history. */
record RunSummary(@Schema(example = "7") long id, @Schema(example = "capitals") String dataset,
                  @Schema(example = "[\"Pre-training objective, from base\", \"Instruction objective, from base\"]")
                  List<String> lanes, @Schema(example = "300") int steps, @Schema(example = "finished") ComparisonStatus status,
                  Long replayOf, Instant createdAt) {

    /** @param words the lanes' names in the API's English or in the reader's language */
    static RunSummary of(ComparisonRow row, Function<MessageSourceResolvable, String> words) {
        return new RunSummary(row.id(), row.config().dataset(),
                LaneLabel.ofConfigs(row.config().lanes(), row.config().mystery()).stream().map(words).toList(),
                row.config().steps(), row.status(), row.replayOf(), row.createdAt());
    }
}
