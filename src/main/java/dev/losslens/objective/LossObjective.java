package dev.losslens.objective;

import dev.losslens.text.Role;
import dev.losslens.text.TokenizedExample;

/**
 * Which next-token targets count, and how much. All three objectives run the same forward pass and the same
 * cross-entropy; they differ only in the weight each target position gets:
 * pre-training 1 everywhere, instruction tuning 0 on prompt targets, the λ-weighted dial λ on prompt targets.
 */
public record LossObjective(ObjectiveKind kind, double promptWeight) {

    public static final LossObjective PRETRAINING = new LossObjective(ObjectiveKind.PRETRAINING, 1.0);
    public static final LossObjective INSTRUCTION = new LossObjective(ObjectiveKind.INSTRUCTION, 0.0);

    public LossObjective {
        if (!(promptWeight >= 0.0 && promptWeight <= 1.0)) {
            throw new IllegalArgumentException("prompt weight must be within [0, 1], was " + promptWeight);
        }
    }

    /** L_λ = L_response + λ · L_prompt: λ = 1 is pre-training, λ = 0 is instruction tuning. */
    public static LossObjective weighted(double lambda) {
        return new LossObjective(ObjectiveKind.WEIGHTED, lambda);
    }

    /** The objective of a kind; λ counts only for the weighted one. */
    public static LossObjective of(ObjectiveKind kind, double lambda) {
        return switch (kind) {
            case PRETRAINING -> PRETRAINING;
            case INSTRUCTION -> INSTRUCTION;
            case WEIGHTED -> weighted(lambda);
        };
    }

    public double weight(Role targetRole) {
        return targetRole == Role.PROMPT ? promptWeight : 1.0;
    }

    /**
     * Weight per position of the example: index t weighs the prediction of token t from tokens &lt; t. Index 0 is
     * always 0, since nothing predicts the first token. Masks apply to targets, never to inputs.
     */
    public double[] targetWeights(TokenizedExample example) {
        double[] weights = new double[example.length()];
        for (int t = 1; t < weights.length; t++) {
            weights[t] = weight(example.role(t));
        }
        return weights;
    }
}
