package dev.losslens.dataset;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One pair as the preview shows it.
 *
 * @param index its number in its split, from 0, as the explorer numbers it
 * @param line its line in the uploaded file, when it was just read from one
 * @param tokens its length with the template; the model's context bounds it
 * @param bytePieces single-byte pieces spelt out for text the compact vocabulary does not hold
 */
public record PreviewPair(@Schema(example = "train") String split, @Schema(example = "0") int index,
                          @Schema(example = "1") Integer line, String prompt, String response,
                          @Schema(example = "24") int tokens, @Schema(example = "18") int promptTokens,
                          @Schema(example = "0") int bytePieces) {
}
