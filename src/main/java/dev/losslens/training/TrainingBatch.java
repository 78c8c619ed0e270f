package dev.losslens.training;

import dev.losslens.objective.LabelShift;
import dev.losslens.objective.LossObjective;
import dev.losslens.text.CompactVocabulary;
import dev.losslens.text.TokenizedExample;
import java.util.Arrays;
import java.util.List;

/**
 * Examples padded on the right to the longest one. Padding weighs 0 in every objective and, with the causal
 * mask, never influences the real tokens before it.
 */
public record TrainingBatch(List<TokenizedExample> examples, int length) {

    public static TrainingBatch of(List<TokenizedExample> examples) {
        return new TrainingBatch(examples, examples.stream().mapToInt(TokenizedExample::length).max().orElse(0));
    }

    /** The examples at the given positions, in that order. */
    public static TrainingBatch of(List<TokenizedExample> examples, int[] positions) {
        return of(Arrays.stream(positions).mapToObj(examples::get).toList());
    }

    public int size() {
        return examples.size();
    }

    /** Token ids, row-major (B, T). */
    public int[] ids() {
        int[] ids = new int[size() * length];
        Arrays.fill(ids, CompactVocabulary.PAD);
        for (int b = 0; b < size(); b++) {
            int[] row = examples.get(b).ids();
            System.arraycopy(row, 0, ids, b * length, row.length);
        }
        return ids;
    }

    /** Target weights, row-major (B, T − 1): entry [b][t] weighs the prediction of token t + 1 of row b. */
    public float[] targetWeights(LossObjective objective) {
        float[] weights = new float[size() * (length - 1)];
        for (int b = 0; b < size(); b++) {
            LabelShift.intoPredictions(objective.targetWeights(examples.get(b)), weights, b * (length - 1));
        }
        return weights;
    }

    /** Real (non-padding) tokens in the batch. */
    public int tokenCount() {
        return examples.stream().mapToInt(TokenizedExample::length).sum();
    }
}
