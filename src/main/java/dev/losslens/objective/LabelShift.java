package dev.losslens.objective;

/**
 * Position t predicts token t + 1: the model's output at position t − 1 scores token t, so a sequence of T tokens
 * has T − 1 predictions and token 0 has none. LossLens keeps per-token arrays (index = the target token, index 0
 * unused) and the model emits per-prediction arrays (index = the predicting position); this is the one place
 * where the two meet.
 */
public final class LabelShift {

    private LabelShift() {
    }

    /**
     * Per-token values from one row of predictions: {@code predictions[offset + t − 1]} scores token t. Index 0 is
     * NaN, since nothing predicts the first token.
     */
    public static double[] perToken(float[] predictions, int offset, int tokens) {
        double[] values = new double[tokens];
        values[0] = Double.NaN;
        for (int t = 1; t < tokens; t++) {
            values[t] = predictions[offset + t - 1];
        }
        return values;
    }

    /** Writes per-token values into one row of predictions: token t goes to {@code predictions[offset + t − 1]}. */
    public static void intoPredictions(double[] perToken, float[] predictions, int offset) {
        for (int t = 1; t < perToken.length; t++) {
            predictions[offset + t - 1] = (float) perToken[t];
        }
    }
}
