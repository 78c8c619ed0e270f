package dev.losslens.quiz.bank;

import dev.losslens.objective.ObjectiveKind;
import java.util.List;

/**
 * Per-token losses of a real pair under the pre-trained base; the learner computes the objective's sum or mean. Each
 * (pair, λ) is a variant.
 *
 * @param lambdas the λ of each variant for the weighted objective; one 0 otherwise, unused
 */
public record ComputeLossItem(String id, String concept, ObjectiveKind objective, Quantity quantity, List<Pair> pairs,
                              List<Double> lambdas, double tolerance, String feedback) implements QuizItem {

    public enum Quantity { SUM, MEAN }

    @Override
    public Kind kind() {
        return Kind.COMPUTE_LOSS;
    }

    @Override
    public int variants() {
        return pairs.size() * lambdas.size();
    }

    public Pair pair(int variant) {
        return pairs.get(variant / lambdas.size());
    }

    public double lambda(int variant) {
        return lambdas.get(variant % lambdas.size());
    }
}
