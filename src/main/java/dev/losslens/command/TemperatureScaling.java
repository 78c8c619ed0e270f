package dev.losslens.command;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.losslens.model.GptParameters;
import dev.losslens.model.TinyGpt;
import dev.losslens.objective.LossObjective;
import dev.losslens.text.TokenizedExample;
import dev.losslens.training.TrainingBatch;
import java.util.List;

/**
 * Temperature scaling: softmax(logits / T) with the one T that minimises the loss on held-out documents. A network
 * trained until it recalls its facts is sure of itself on text it has not seen; dividing the logits by T > 1 softens
 * every prediction alike, so the most likely token, and with it every greedy answer, stays the same. T is folded into
 * the output head (logits = h·Wᵀ, so W / T gives logits / T), and the checkpoint is an ordinary set of weights.
 */
final class TemperatureScaling {

    record Fit(double temperature, double loss) {
    }

    private static final double MAX_TEMPERATURE = 20;
    private static final int SEARCH_STEPS = 20;
    private static final int BATCH = 32;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private TemperatureScaling() {
    }

    /** Golden-section search over ln T in [0, ln 20]; the held-out loss is unimodal in T. */
    static Fit fit(GptParameters weights, List<TokenizedExample> heldOut) {
        double low = 0;
        double high = Math.log(MAX_TEMPERATURE);
        for (int i = 0; i < SEARCH_STEPS; i++) {
            double a = high - GOLDEN * (high - low);
            double b = low + GOLDEN * (high - low);
            if (loss(weights, Math.exp(a), heldOut) < loss(weights, Math.exp(b), heldOut)) {
                high = b;
            } else {
                low = a;
            }
        }
        double temperature = Math.exp((low + high) / 2);
        return new Fit(temperature, loss(weights, temperature, heldOut));
    }

    /** A copy of the weights whose head is divided by T. */
    static GptParameters scaled(GptParameters weights, double temperature, NDManager manager) {
        GptParameters copy = weights.copy(manager);
        copy.get("head.weight").divi(temperature);
        return copy;
    }

    private static double loss(GptParameters weights, double temperature, List<TokenizedExample> heldOut) {
        try (GptParameters scaled = scaled(weights, temperature, weights.manager())) {
            return heldOutLoss(new TinyGpt(scaled), heldOut);
        }
    }

    /** Mean −log p per token over the held-out documents. */
    static double heldOutLoss(TinyGpt model, List<TokenizedExample> heldOut) {
        double sum = 0;
        long targets = 0;
        for (int from = 0; from < heldOut.size(); from += BATCH) {
            TrainingBatch batch = TrainingBatch.of(heldOut.subList(from, Math.min(from + BATCH, heldOut.size())));
            try (NDScope ignored = new NDScope()) {
                NDManager manager = model.weights().manager();
                NDArray ids = manager.create(batch.ids(), new Shape(batch.size(), batch.length()))
                        .toType(DataType.INT64, false);                                              // (B, T)
                NDArray weights = manager.create(batch.targetWeights(LossObjective.PRETRAINING),
                        new Shape(batch.size(), batch.length() - 1));                                // (B, T−1)
                int count = batch.tokenCount() - batch.size();
                sum += model.weightedNll(ids, weights).getFloat() * count;
                targets += count;
            }
        }
        return sum / targets;
    }
}
