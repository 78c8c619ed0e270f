package dev.losslens.objective;

/**
 * One objective's loss on one sequence. {@code sum} = Σ w·nll, {@code weightTotal} = Σ w, {@code mean} =
 * sum / weightTotal (the per-token loss training minimises), {@code count} = targets with w &gt; 0.
 */
public record LossTotals(double sum, double mean, int count, double weightTotal) {

    public static LossTotals of(double[] nll, double[] weights) {
        double sum = 0;
        double weightTotal = 0;
        int count = 0;
        for (int t = 1; t < nll.length; t++) {
            if (weights[t] > 0) {
                sum += weights[t] * nll[t];
                weightTotal += weights[t];
                count++;
            }
        }
        return new LossTotals(sum, weightTotal > 0 ? sum / weightTotal : 0.0, count, weightTotal);
    }
}
