package dev.losslens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.LayerNorm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link TinyGpt}'s forward pass for L independent networks at once, the engine's version: every weight carries a
 * leading lane axis, every product is a batched one, and lane l reads only lane l's weights and lane l's tokens, so
 * each lane computes what its own TinyGpt would (within float rounding: batched products round like single ones
 * only up to the last bits). Shapes add L = lanes to TinyGpt's B, T, D, H, K, V; N = B·T rows.
 */
public final class StackedGpt {

    private final ModelConfig config;
    private final Map<String, NDArray> weights;
    private final int lanes;

    /** @param weights every name of {@link GptParameters#shapes} with its shape prefixed by the lane axis (L, …) */
    public StackedGpt(ModelConfig config, Map<String, NDArray> weights) {
        this.config = config;
        this.weights = weights;
        this.lanes = Math.toIntExact(weights.get("head.weight").getShape().get(0));
    }

    /**
     * Several networks' weights stacked along a new leading lane axis: every name maps to (L, …). The arrays are new
     * copies in the caller's {@link ai.djl.ndarray.NDScope}, without gradients.
     */
    public static Map<String, NDArray> stack(List<GptParameters> lanes) {
        Map<String, NDArray> stacked = new LinkedHashMap<>();
        for (String name : GptParameters.shapes(lanes.get(0).config()).keySet()) {
            NDList perLane = new NDList();
            lanes.forEach(parameters -> perLane.add(parameters.get(name)));
            stacked.put(name, NDArrays.stack(perLane));                                              // (L, …)
        }
        return stacked;
    }

    public static StackedGpt of(List<GptParameters> lanes) {
        return new StackedGpt(lanes.get(0).config(), stack(lanes));
    }

    public ModelConfig config() {
        return config;
    }

    public int lanes() {
        return lanes;
    }

    /** The manager of the weights, where inputs for them are made. */
    public NDManager manager() {
        return w("head.weight").getManager();
    }

    /** ids (L, B, T) int → logits (L, B, T, V); lane l, position t scores lane l's token at t + 1. */
    public NDArray logits(NDArray ids) {
        Shape s = ids.getShape();
        long batch = s.get(1);
        long t = s.get(2);
        if (t > config.context()) {
            throw new IllegalArgumentException(t + " tokens exceed the context of " + config.context());
        }
        NDManager manager = ids.getManager();
        long v = config.vocabSize();
        int d = config.dModel();
        // lane l's table is rows l·V … l·V + V − 1 of the flattened (L·V, D) table
        long[] offsets = new long[lanes];
        for (int lane = 0; lane < lanes; lane++) {
            offsets[lane] = lane * v;
        }
        NDArray laneOffsets = manager.create(offsets, new Shape(lanes, 1, 1));                        // (L, 1, 1)
        NDArray table = w("tokenEmbedding.weight").reshape(lanes * v, d);                             // (L·V, D)
        NDArray tokens = Embedding.embedding(ids.add(laneOffsets), table, SparseFormat.DENSE)
                .singletonOrThrow();                                                                  // (L, B, T, D)
        NDArray positions = w("positionEmbedding.weight").get(":, 0:{}", t).expandDims(1);           // (L, 1, T, D)
        NDArray x = tokens.add(positions).reshape(lanes, batch * t, d);                               // (L, N, D)
        NDArray mask = TinyGpt.causalMask(manager, t);                                                // (T, T)
        Norm norm = new Norm(manager, d);
        for (int l = 0; l < config.layers(); l++) {
            String b = "block" + l + ".";
            x = x.add(attention(norm.apply(x, b + "ln1"), batch, t, mask, b + "attention."));         // (L, N, D)
            x = x.add(mlp(norm.apply(x, b + "ln2"), b + "mlp."));                                      // (L, N, D)
        }
        return linear(norm.apply(x, "lnFinal"), "head.weight", null).reshape(lanes, batch, t, v);     // (L, B, T, V)
    }

    /** −log p(x_{t+1} | x_≤t) for every lane and prediction: ids (L, B, T) → (L, B, T − 1). */
    public NDArray nextTokenNll(NDArray ids) {
        return TinyGpt.nll(logits(TinyGpt.inputs(ids)).logSoftmax(-1), ids);                          // (L, B, T−1)
    }

    /**
     * Each lane's training loss from the batch its pipeline built: inputs, targets and weights (L, B, T) → (L). Within
     * each of k equal groups of rows (micro-batches) the loss is Σ w·nll / max(Σ w, least), and the groups' losses are
     * averaged; a correct pipeline has k = 1 and least 0, Σ w·nll / Σ w over the lane's whole batch. Lanes share no
     * term, so the gradient of the sum gives every lane the gradient of its own loss.
     *
     * @param least per lane, the smallest divisor (L), in the weights' manager
     */
    public NDArray weightedNll(NDArray inputs, NDArray targets, NDArray weights, int microBatches, NDArray least) {
        Shape s = inputs.getShape();
        Shape grouped = new Shape(s.get(0), microBatches, s.get(1) / microBatches, s.get(2));        // (L, k, B/k, T)
        NDArray nll = TinyGpt.cost(logits(inputs).logSoftmax(-1), targets);                          // (L, B, T)
        int[] withinGroup = {2, 3};
        NDArray counted = nll.mul(weights).reshape(grouped).sum(withinGroup);                        // (L, k)
        NDArray divisor = weights.reshape(grouped).sum(withinGroup).maximum(least.expandDims(1));    // (L, k)
        return counted.div(divisor).mean(new int[] {1});                                             // (L)
    }

    private NDArray attention(NDArray x, long batch, long t, NDArray mask, String p) {
        int h = config.heads();
        int k = config.headDim();
        NDArray qkv = linear(x, p + "qkv.weight", p + "qkv.bias");                                   // (L, N, 3D)
        NDArray heads = qkv.reshape(lanes, batch, t, 3, h, k).transpose(3, 0, 1, 4, 2, 5);           // (3, L, B, H, T, K)
        NDArray q = heads.get(0);                                                                    // (L, B, H, T, K)
        NDArray key = heads.get(1);                                                                  // (L, B, H, T, K)
        NDArray v = heads.get(2);                                                                    // (L, B, H, T, K)
        NDArray scale = TinyGpt.constant(x.getManager(), (float) Math.sqrt(k));                      // ()
        NDArray scores = q.matMul(key.transpose(0, 1, 2, 4, 3)).div(scale);                          // (L, B, H, T, T)
        NDArray attended = scores.add(mask).softmax(-1).matMul(v);                                   // (L, B, H, T, K)
        NDArray merged = attended.transpose(0, 1, 3, 2, 4).reshape(lanes, batch * t, config.dModel()); // (L, N, D)
        return linear(merged, p + "out.weight", p + "out.bias");                                     // (L, N, D)
    }

    private NDArray mlp(NDArray x, String p) {
        NDArray hidden = Activation.gelu(linear(x, p + "in.weight", p + "in.bias"));                // (L, N, 4D)
        return linear(hidden, p + "out.weight", p + "out.bias");                                     // (L, N, D)
    }

    /** x (L, N, in) · lane l's weight (out, in)ᵀ + its bias (out) → (L, N, out). */
    private NDArray linear(NDArray x, String weight, String bias) {
        NDArray y = x.matMul(w(weight).transpose(0, 2, 1));                                          // (L, N, out)
        return bias == null ? y : y.add(w(bias).expandDims(1));                                      // (L, N, out)
    }

    private NDArray w(String name) {
        return weights.get(name);
    }

    /** LayerNorm over the D features of each row, then lane l's own gain and shift. */
    private final class Norm {

        private final NDArray ones;
        private final NDArray zeros;
        private final Shape features;

        Norm(NDManager manager, int d) {
            this.features = new Shape(d);
            this.ones = manager.ones(features);                                                      // (D)
            this.zeros = manager.zeros(features);                                                    // (D)
        }

        NDArray apply(NDArray x, String p) {
            NDArray normalised = LayerNorm.layerNorm(x, features, ones, zeros, TinyGpt.LAYER_NORM_EPS)
                    .singletonOrThrow();                                                             // (L, N, D)
            return normalised.mul(w(p + ".gamma").expandDims(1)).add(w(p + ".beta").expandDims(1));  // (L, N, D)
        }
    }
}
