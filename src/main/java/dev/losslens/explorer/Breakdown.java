package dev.losslens.explorer;

import dev.losslens.objective.LossTotals;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * One pair read by one checkpoint: every token with its role, loss and weight per objective, and the totals.
 *
 * @param promptShare share of the full-sequence loss that comes from prompt targets
 * @param context the model's context length in tokens
 */
record Breakdown(
        @Schema(example = "base") String checkpoint,
        @Schema(example = "1926") int vocabSize,
        @Schema(example = "0.1") double promptWeight,
        @Schema(example = "128") int context,
        List<ExplainedToken> tokens,
        Map<String, LossTotals> totals,
        @Schema(example = "0.62") double promptShare,
        @Schema(example = "0") int bytePieces) {

    /**
     * @param nll −log p(this token | the tokens before it); null for the first token, which nothing predicts
     * @param predictedFrom text of the token whose position predicts this one (label shift)
     */
    record ExplainedToken(
            int position,
            String text,
            int id,
            String role,
            Double nll,
            TargetWeights weights,
            List<Candidate> top,
            String predictedFrom) {
    }

    /** This token's weight as a target in each objective. */
    record TargetWeights(double pretraining, double instruction, double weighted) {
    }

    /** A next-token candidate the model considered for this slot. */
    record Candidate(String text, int id, double probability) {
    }
}
