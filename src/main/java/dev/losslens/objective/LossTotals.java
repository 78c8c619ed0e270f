package dev.losslens.objective;

/**
 * One objective's loss over some targets. {@code sum} = Σ w·nll, {@code weightTotal} = Σ w, {@code mean} =
 * sum / weightTotal (the per-token loss training minimises), {@code count} = targets with w &gt; 0.
 */
public record LossTotals(double sum, double mean, int count, double weightTotal) {

    /** The weighted mean Σ w·nll / Σ w, written once; 0 when nothing counts. */
    public static LossTotals of(double sum, int count, double weightTotal) {
        return new LossTotals(sum, weightTotal > 0 ? sum / weightTotal : 0.0, count, weightTotal);
    }

    /** @param nll and weights per token (see {@link LabelShift}); index 0 has no prediction and is skipped */
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
        return of(sum, count, weightTotal);
    }

    /** Both sets of targets together, e.g. every held-out sequence of a split. */
    public LossTotals plus(LossTotals other) {
        return of(sum + other.sum, count + other.count, weightTotal + other.weightTotal);
    }

    /** These targets without {@code other}'s, which must be among them: the full sequence minus the response. */
    public LossTotals minus(LossTotals other) {
        return of(sum - other.sum, count - other.count, weightTotal - other.weightTotal);
    }
}
