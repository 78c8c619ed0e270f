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
                              @Schema(example = "base", allowableValues = {"scratch", "base"}) String init,
                              @Schema(example = "last-turn", allowableValues = {"every-turn", "last-turn",
                                      "every-turn-without-end"}, defaultValue = "every-turn", description = "Which "
                                      + "assistant tokens are response targets: every assistant turn, the last one, or "
                                      + "every turn without its end-of-turn token. On a pair dataset every-turn and "
                                      + "last-turn are the same; without-end leaves out the end-of-text token")
                              String answerSpan,
                              @Schema(example = "end-of-text-masked", description = "A real training-pipeline bug to "
                                      + "plant in an instruction lane (see PipelineBug); absent for the correct pipeline")
                              String bug) {

        /** A lane of a pair dataset, whose answer span is every turn. */
        public LaneRequest(String objective, Double promptWeight, String init) {
            this(objective, promptWeight, init, null, null);
        }

        /** A lane with a correct pipeline. */
        public LaneRequest(String objective, Double promptWeight, String init, String answerSpan) {
            this(objective, promptWeight, init, answerSpan, null);
        }
    }
}
