package dev.losslens.comparison;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Body of {@code POST /api/comparisons}; every field is optional and falls back to the lab's default. */
public record ComparisonRequest(@Schema(example = "capitals") String dataset, @Schema(example = "tiny") String model,
                                @Schema(example = "300") Integer steps, @Schema(example = "0.0003") Double learningRate,
                                @Schema(example = "16") Integer batchSize, @Schema(example = "42") Long seed,
                                @Schema(example = "25") Integer evalEvery, List<LaneRequest> lanes) {

    public record LaneRequest(@Schema(example = "instruction", allowableValues = {"pretraining", "instruction",
            "weighted"}) String objective,
                              @Schema(example = "0.1", description = "λ, for a weighted lane") Double promptWeight,
                              @Schema(example = "base", allowableValues = {"scratch", "base"}) String init) {
    }
}
