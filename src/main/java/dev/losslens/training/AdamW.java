package dev.losslens.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Adam with decoupled weight decay, after a global-norm gradient clip, for every lane of a stack at once: each lane
 * has its own moments, learning rate, step count and clip, so a lane's update is the one it would get alone. Written
 * out because the engine's own clipping acts on single values and one side only. Call between backward and the next
 * forward.
 */
final class AdamW implements AutoCloseable {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.99f;
    private static final float EPS = 1e-8f;
    private static final float WEIGHT_DECAY = 0.01f;
    private static final double MAX_GRAD_NORM = 1.0;

    private final LaneTensors firstMoment;
    private final LaneTensors secondMoment;
    private float[] learningRates = new float[0];
    private int[] steps = new int[0];

    AdamW(NDManager manager) {
        this.firstMoment = new LaneTensors(manager);
        this.secondMoment = new LaneTensors(manager);
    }

    /** New lanes start with zero moments; {@code like} maps every weight name to the new lanes' weights (n, …). */
    void add(Map<String, NDArray> like, double learningRate) {
        int n = Math.toIntExact(like.values().iterator().next().getShape().get(0));
        Map<String, NDArray> zeros = new LinkedHashMap<>();
        like.forEach((name, weight) -> zeros.put(name, weight.zerosLike()));
        firstMoment.append(zeros);
        secondMoment.append(zeros);
        zeros.values().forEach(NDArray::close);
        int old = steps.length;
        steps = Arrays.copyOf(steps, old + n);
        learningRates = Arrays.copyOf(learningRates, old + n);
        Arrays.fill(learningRates, old, old + n, (float) learningRate);
    }

    /** Keeps the lanes at {@code kept}, in order; {@code index} holds the same positions as an array. */
    void keep(int[] kept, NDArray index) {
        firstMoment.keep(index);
        secondMoment.keep(index);
        steps = IntStream.of(kept).map(lane -> steps[lane]).toArray();
        float[] rates = new float[kept.length];
        for (int i = 0; i < kept.length; i++) {
            rates[i] = learningRates[kept[i]];
        }
        learningRates = rates;
    }

    /** Updates every lane's weights (L, …) in place from their gradients, then zeroes the gradients. */
    void step(Map<String, NDArray> weights) {
        int lanes = steps.length;
        float[] clip = clipFactors(weights);
        float[] correction1 = new float[lanes];
        float[] correction2 = new float[lanes];
        for (int lane = 0; lane < lanes; lane++) {
            steps[lane]++;
            correction1[lane] = (float) (1 - Math.pow(BETA1, steps[lane]));
            correction2[lane] = (float) (1 - Math.pow(BETA2, steps[lane]));
        }
        NDManager manager = weights.values().iterator().next().getManager();
        Map<Integer, Factors> byRank = new HashMap<>();
        for (Map.Entry<String, NDArray> entry : weights.entrySet()) {
            String name = entry.getKey();
            NDArray weight = entry.getValue();                                                      // (L, …)
            Factors f = byRank.computeIfAbsent(weight.getShape().dimension(), rank -> new Factors(
                    shaped(manager, clip, rank), shaped(manager, correction1, rank),
                    shaped(manager, correction2, rank), shaped(manager, learningRates, rank)));  // each (L, 1, …)
            NDArray grad = weight.getGradient();                                                   // (L, …)
            NDArray g = grad.mul(f.clip());
            NDArray m = firstMoment.byName().get(name).muli(BETA1).addi(g.mul(1 - BETA1));        // running mean
            NDArray v = secondMoment.byName().get(name).muli(BETA2).addi(g.square().mul(1 - BETA2)); // running mean of g²
            NDArray update = m.div(f.correction1()).div(v.div(f.correction2()).sqrt().add(EPS));
            if (decays(name)) {
                update = update.add(weight.mul(WEIGHT_DECAY));
            }
            weight.subi(update.mul(f.learningRate()));
            grad.subi(grad);
        }
    }

    /**
     * One scale per lane, min(1, max‖g‖ / ‖g‖) over all of that lane's gradients: it keeps each update's direction and
     * caps only its length. Squared norms are summed per weight by the engine and across weights in double precision.
     */
    private float[] clipFactors(Map<String, NDArray> weights) {
        NDList perWeight = new NDList();
        for (NDArray weight : weights.values()) {
            int rank = weight.getShape().dimension();
            perWeight.add(weight.getGradient().square().sum(IntStream.range(1, rank).toArray()));  // (L)
        }
        int lanes = steps.length;
        float[] squares = NDArrays.stack(perWeight).toFloatArray();                                // (weights, L)
        float[] clip = new float[lanes];
        for (int lane = 0; lane < lanes; lane++) {
            double squaredNorm = 0;
            for (int w = 0; w < perWeight.size(); w++) {
                squaredNorm += squares[w * lanes + lane];
            }
            clip[lane] = (float) Math.min(1.0, MAX_GRAD_NORM / (Math.sqrt(squaredNorm) + 1e-6));
        }
        return clip;
    }

    /** Matrices decay; biases and LayerNorm gains do not, as in GPT-2 practice. */
    private static boolean decays(String name) {
        return name.endsWith(".weight");
    }

    @Override
    public void close() {
        firstMoment.close();
        secondMoment.close();
    }

    /** Per-lane values shaped (L, 1, …, 1) to broadcast over a weight of the given rank. */
    private static NDArray shaped(NDManager manager, float[] values, int rank) {
        long[] dims = new long[rank];
        Arrays.fill(dims, 1);
        dims[0] = values.length;
        return manager.create(values, new Shape(dims));
    }

    private record Factors(NDArray clip, NDArray correction1, NDArray correction2, NDArray learningRate) {
    }
}
