package dev.losslens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.losslens.objective.LabelShift;
import java.util.ArrayList;
import java.util.List;

/** Read-only use of a model: score sequences token by token. Caller's thread must own DJL. */
public final class Scoring {

    private Scoring() {
    }

    public static TokenScores score(TinyGpt model, int[] ids, int topK) {
        return scoreAll(model, List.of(ids), topK).get(0);
    }

    /**
     * Scores several sequences in one forward pass: each row is padded on the right to the longest, and since
     * attention is causal a row's real positions never see its padding, so each row's scores are those it would get
     * alone.
     */
    public static List<TokenScores> scoreAll(TinyGpt model, List<int[]> sequences, int topK) {
        try (NDScope ignored = new NDScope()) {
            NDManager manager = model.weights().manager();
            int b = sequences.size();
            int t = sequences.stream().mapToInt(ids -> ids.length).max().orElseThrow();
            int[] padded = new int[b * t];                                    // 0 is the pad token
            for (int row = 0; row < b; row++) {
                System.arraycopy(sequences.get(row), 0, padded, row * t, sequences.get(row).length);
            }
            NDArray input = manager.create(padded, new Shape(b, t)).toType(DataType.INT64, false);     // (B, T)
            NDArray logProbs = model.nextTokenLogProbs(input);                                         // (B, T−1, V)
            float[] nll = TinyGpt.nll(logProbs, input).toFloatArray();                                 // (B, T−1)
            float[] flat = logProbs.toFloatArray();
            int v = model.config().vocabSize();
            List<TokenScores> scores = new ArrayList<>(b);
            for (int row = 0; row < b; row++) {
                int n = sequences.get(row).length;
                int offset = row * (t - 1);
                // token 0 is nobody's target; token t's candidates are those of the prediction before it
                List<List<Prediction>> top = new ArrayList<>(n);
                top.add(List.of());
                for (int p = 0; p < n - 1; p++) {
                    top.add(topOf(flat, (offset + p) * v, v, topK));
                }
                scores.add(new TokenScores(LabelShift.perToken(nll, offset, n), top));
            }
            return scores;
        }
    }

    /** The k largest log-probabilities of one row, by insertion into a short sorted list. */
    private static List<Prediction> topOf(float[] logProbs, int offset, int v, int k) {
        int[] best = new int[k];
        int size = 0;
        for (int i = 0; i < v; i++) {
            float value = logProbs[offset + i];
            if (size == k && value <= logProbs[offset + best[k - 1]]) {
                continue;
            }
            int at = Math.min(size, k - 1);
            while (at > 0 && logProbs[offset + best[at - 1]] < value) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = i;
            size = Math.min(size + 1, k);
        }
        List<Prediction> top = new ArrayList<>(size);
        for (int j = 0; j < size; j++) {
            top.add(new Prediction(best[j], Math.exp(logProbs[offset + best[j]])));
        }
        return top;
    }
}
