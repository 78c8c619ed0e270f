package dev.losslens.explorer;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/breakdown}; also what the explorer form submits. */
record BreakdownRequest(@Schema(example = "Name the capital of India.") String prompt,
                        @Schema(example = "It is New Delhi.") String response,
                        @Schema(example = "0.1", description = "λ for the weighted objective, 0 to 1") Double promptWeight,
                        @Schema(example = "base", description = "untrained, base, or a finished lane's checkpoint")
                        String checkpoint) {
}
