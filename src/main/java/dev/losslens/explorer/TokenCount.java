package dev.losslens.explorer;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How many tokens a pair takes with its template, counted without running the model, so the form can say it while
 * the learner types.
 *
 * @param promptTokens {@code <|bos|>}, the template and the prompt
 * @param responseTokens the response and {@code <|endoftext|>}
 */
record TokenCount(@Schema(example = "22") int tokens, @Schema(example = "16") int promptTokens,
                  @Schema(example = "6") int responseTokens, @Schema(example = "128") int context,
                  @Schema(example = "0") int bytePieces) {
}
