package dev.losslens.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import dev.losslens.model.GptParameters;
import java.util.HashMap;
import java.util.Map;

/**
 * Adam with decoupled weight decay, after a global-norm gradient clip. Written out because the engine's own
 * clipping acts on single values and one side only. Call between backward and the next forward.
 */
final class AdamW {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.99f;
    private static final float EPS = 1e-8f;
    private static final float WEIGHT_DECAY = 0.01f;
    private static final double MAX_GRAD_NORM = 1.0;

    private final float learningRate;
    private final Map<String, NDArray> firstMoment = new HashMap<>();
    private final Map<String, NDArray> secondMoment = new HashMap<>();
    private int steps;

    AdamW(double learningRate) {
        this.learningRate = (float) learningRate;
    }

    /** Updates every weight in place from its gradient, then zeroes the gradients for the next step. */
    void step(GptParameters weights) {
        steps++;
        Map<String, NDArray> grads = new HashMap<>();
        double squaredNorm = 0;
        for (Map.Entry<String, NDArray> entry : weights.byName().entrySet()) {
            NDArray grad = entry.getValue().getGradient();                       // same shape as the weight
            grads.put(entry.getKey(), grad);
            squaredNorm += grad.square().sum().getFloat();
        }
        // one scale for all gradients keeps the update's direction; only its length is capped
        float clip = (float) Math.min(1.0, MAX_GRAD_NORM / (Math.sqrt(squaredNorm) + 1e-6));
        float correction1 = (float) (1 - Math.pow(BETA1, steps));
        float correction2 = (float) (1 - Math.pow(BETA2, steps));
        for (Map.Entry<String, NDArray> entry : weights.byName().entrySet()) {
            String name = entry.getKey();
            NDArray weight = entry.getValue();
            NDArray grad = grads.get(name);
            NDArray g = grad.mul(clip);
            NDArray m = moment(firstMoment, name, weight).muli(BETA1).addi(g.mul(1 - BETA1));          // running mean
            NDArray v = moment(secondMoment, name, weight).muli(BETA2).addi(g.square().mul(1 - BETA2)); // running mean of g²
            NDArray update = m.div(correction1).div(v.div(correction2).sqrt().add(EPS));
            if (decays(name)) {
                update = update.add(weight.mul(WEIGHT_DECAY));
            }
            weight.subi(update.mul(learningRate));
            grad.subi(grad);
        }
    }

    /** Matrices decay; biases and LayerNorm gains do not, as in GPT-2 practice. */
    private static boolean decays(String name) {
        return name.endsWith(".weight");
    }

    private static NDArray moment(Map<String, NDArray> moments, String name, NDArray like) {
        return moments.computeIfAbsent(name, key -> {
            NDArray zeros = like.getManager().zeros(like.getShape());
            NDScope.unregister(zeros);
            return zeros;
        });
    }
}
