package dev.losslens.objective;

import dev.losslens.text.Role;
import dev.losslens.text.TokenizedExample;

/**
 * The per-token losses of one example read under the three objectives. The per-token NLLs are the same numbers
 * in every lane; only the weights differ, which is the whole point.
 */
public record LossBreakdown(LossTotals pretraining, LossTotals instruction, LossTotals weighted, double promptShare) {

    /**
     * @param nll per position, index t = −log p(token t | tokens &lt; t); index 0 is ignored
     * @param promptWeight λ of the weighted objective
     */
    public static LossBreakdown of(TokenizedExample example, double[] nll, double promptWeight) {
        if (nll.length != example.length()) {
            throw new IllegalArgumentException("one NLL per token expected");
        }
        LossTotals full = LossTotals.of(nll, LossObjective.PRETRAINING.targetWeights(example));
        return new LossBreakdown(
                full,
                LossTotals.of(nll, LossObjective.INSTRUCTION.targetWeights(example)),
                LossTotals.of(nll, LossObjective.weighted(promptWeight).targetWeights(example)),
                full.sum() > 0 ? promptSum(example, nll) / full.sum() : 0.0);
    }

    private static double promptSum(TokenizedExample example, double[] nll) {
        double sum = 0;
        for (int t = 1; t < nll.length; t++) {
            if (example.role(t) == Role.PROMPT) {
                sum += nll[t];
            }
        }
        return sum;
    }
}
