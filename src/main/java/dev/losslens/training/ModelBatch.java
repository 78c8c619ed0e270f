package dev.losslens.training;

import dev.losslens.text.Role;

/**
 * One lane's step as its pipeline hands it to the model: row-major (B, T) arrays of the input at every position, the
 * token that position is scored against, that target's weight, its role, and which example of the step's batch the
 * input came from. The loss is Σ w·nll / max(Σ w, {@code leastDenominator}) within each of {@code microBatches} equal
 * groups of rows, averaged over the groups; a correct pipeline has one group and no least denominator.
 *
 * @param roles    the role of each target in its example; null on padding
 * @param sources  the position of each input's example in the step's batch; −1 on padding
 * @param answersCut response tokens of the step's examples that truncation dropped
 */
public record ModelBatch(int rows, int length, int[] inputs, int[] targets, float[] weights, Role[] roles, int[] sources,
                         int microBatches, float leastDenominator, int answersCut) {

    /** Real (non-padding) input tokens. */
    public int tokenCount() {
        int n = 0;
        for (int source : sources) {
            if (source >= 0) {
                n++;
            }
        }
        return n;
    }

    /**
     * What share of the lane's step loss each position's target carries, w / (k · max(Σ w, least)) with Σ w over its
     * micro-batch: the coefficient of its nll in {@code StackedGpt.weightedNll}. NaN where a micro-batch divides 0 by 0.
     */
    public double[] sharesOfLoss() {
        int perGroup = rows / microBatches * length;
        double[] shares = new double[weights.length];
        for (int m = 0; m < microBatches; m++) {
            double divisor = microBatches * Math.max(weightOf(m), leastDenominator);
            for (int i = m * perGroup; i < (m + 1) * perGroup; i++) {
                shares[i] = weights[i] / divisor;
            }
        }
        return shares;
    }

    /** Σ w over micro-batch {@code m}'s rows. */
    public double weightOf(int microBatch) {
        int perGroup = rows / microBatches * length;
        double sum = 0;
        for (int i = microBatch * perGroup; i < (microBatch + 1) * perGroup; i++) {
            sum += weights[i];
        }
        return sum;
    }
}
