package dev.losslens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;

/**
 * A decoder-only GPT written as the textbook forward pass: token + position embedding, N pre-LayerNorm blocks of
 * causal multi-head self-attention and a 4× GELU MLP, a final LayerNorm and a linear head. Shapes use B = batch,
 * T = sequence length, D = d_model, H = heads, K = D / H, V = vocabulary.
 */
public final class TinyGpt {

    static final float LAYER_NORM_EPS = 1e-5f;
    private static final float MASKED = -1e9f;

    private final GptParameters weights;
    private final ModelConfig config;

    public TinyGpt(GptParameters weights) {
        this.weights = weights;
        this.config = weights.config();
    }

    public ModelConfig config() {
        return config;
    }

    public GptParameters weights() {
        return weights;
    }

    /** ids (B, T) int → logits (B, T, V); position t scores the token at t + 1. */
    public NDArray logits(NDArray ids) {
        long t = ids.getShape().get(1);
        if (t > config.context()) {
            throw new IllegalArgumentException(t + " tokens exceed the context of " + config.context());
        }
        NDArray tokens = Embedding.embedding(ids, w("tokenEmbedding.weight"), SparseFormat.DENSE).singletonOrThrow(); // (B, T, D)
        NDArray positions = w("positionEmbedding.weight").get(new NDIndex("0:{}", t));                                 // (T, D)
        NDArray x = tokens.add(positions);                                                                            // (B, T, D)
        NDArray mask = causalMask(ids.getManager(), t);                                                               // (T, T)
        for (int l = 0; l < config.layers(); l++) {
            String b = "block" + l + ".";
            x = x.add(attention(norm(x, b + "ln1"), mask, b + "attention."));                                        // (B, T, D) residual
            x = x.add(mlp(norm(x, b + "ln2"), b + "mlp."));                                                           // (B, T, D) residual
        }
        return Linear.linear(norm(x, "lnFinal"), w("head.weight")).singletonOrThrow();                               // (B, T, V)
    }

    /**
     * The label shift, once: the prediction at position t is read against token t + 1, so ids (B, T) give T − 1
     * predictions, log p(· | x_≤t) as (B, T − 1, V).
     */
    public NDArray nextTokenLogProbs(NDArray ids) {
        return logits(inputs(ids)).logSoftmax(-1);                                                 // (B, T−1, V)
    }

    /** Every token but the last, the positions that predict: (…, T) → (…, T − 1). */
    static NDArray inputs(NDArray ids) {
        return ids.get(new NDIndex("..., 0:{}", ids.getShape().tail() - 1));
    }

    /** −log p(x_{t+1} | x_≤t) for every prediction: ids (B, T) → (B, T − 1). */
    public NDArray nextTokenNll(NDArray ids) {
        return nll(nextTokenLogProbs(ids), ids);                                                   // (B, T−1)
    }

    /**
     * What predictions (…, T − 1, V) from {@link #nextTokenLogProbs} cost the tokens that follow in ids (…, T); the
     * leading axes are the batch's, and the lanes' in a {@link StackedGpt}.
     */
    public static NDArray nll(NDArray logProbs, NDArray ids) {
        return cost(logProbs, ids.get(new NDIndex("..., 1:")));                                    // (…, T−1)
    }

    /** −log p of each position's target: log-probabilities (…, T, V) and targets (…, T) → (…, T). */
    static NDArray cost(NDArray logProbs, NDArray targets) {
        // gather keeps one entry per position; pick-by-index would broadcast to (T, T) silently
        return logProbs.gather(targets.expandDims(-1), -1).squeeze(-1).neg();                     // (…, T)
    }

    /**
     * The training loss, Σ w·nll / Σ w over every target of the batch (a true per-token mean): ids (B, T) and
     * weights (B, T − 1), entry t weighing the prediction of token t + 1 → a scalar ().
     */
    public NDArray weightedNll(NDArray ids, NDArray weights) {
        NDArray nll = nextTokenNll(ids);                                                           // (B, T−1)
        // Σ w is summed by the engine, so the divisor autograd keeps for backward is memory the engine owns
        return nll.mul(weights).sum().div(weights.sum());                                          // ()
    }

    /**
     * A scalar the engine allocates itself. DJL's {@code div(Number)} wraps a Java buffer and releases it at once,
     * but autograd keeps the divisor for backward: once the garbage collector frees that buffer, the gradient is
     * computed from whatever memory took its place (the corruption that busy explorers caused in training).
     */
    static NDArray constant(NDManager manager, float value) {
        return manager.full(new Shape(), value);                                                   // ()
    }

    private NDArray attention(NDArray x, NDArray mask, String p) {
        Shape s = x.getShape();
        long batch = s.get(0);
        long t = s.get(1);
        int h = config.heads();
        int k = config.headDim();
        NDArray qkv = Linear.linear(x, w(p + "qkv.weight"), w(p + "qkv.bias")).singletonOrThrow(); // (B, T, 3D)
        NDArray heads = qkv.reshape(batch, t, 3, h, k).transpose(2, 0, 3, 1, 4);                   // (3, B, H, T, K)
        NDArray q = heads.get(0);                                                                  // (B, H, T, K)
        NDArray key = heads.get(1);                                                                // (B, H, T, K)
        NDArray v = heads.get(2);                                                                  // (B, H, T, K)
        NDArray scale = constant(x.getManager(), (float) Math.sqrt(k));                            // ()
        NDArray scores = q.matMul(key.transpose(0, 1, 3, 2)).div(scale);                           // (B, H, T, T)
        // a position may attend to itself and earlier positions only: later tokens never change earlier predictions
        NDArray attended = scores.add(mask).softmax(-1).matMul(v);                                 // (B, H, T, K)
        NDArray merged = attended.transpose(0, 2, 1, 3).reshape(batch, t, config.dModel());        // (B, T, D)
        return Linear.linear(merged, w(p + "out.weight"), w(p + "out.bias")).singletonOrThrow();   // (B, T, D)
    }

    private NDArray mlp(NDArray x, String p) {
        NDArray hidden = Activation.gelu(Linear.linear(x, w(p + "in.weight"), w(p + "in.bias")).singletonOrThrow()); // (B, T, 4D)
        return Linear.linear(hidden, w(p + "out.weight"), w(p + "out.bias")).singletonOrThrow();                                  // (B, T, D)
    }

    /** Normalises each position over its D features (the last axis only). */
    private NDArray norm(NDArray x, String p) {
        return LayerNorm.layerNorm(x, new Shape(config.dModel()), w(p + ".gamma"), w(p + ".beta"), LAYER_NORM_EPS)
                .singletonOrThrow();                                                                // (B, T, D)
    }

    /** 0 on and below the diagonal, −1e9 above it: (T, T), broadcast over batch and heads. */
    static NDArray causalMask(NDManager manager, long t) {
        int n = Math.toIntExact(t);
        float[] values = new float[n * n];
        for (int row = 0; row < n; row++) {
            for (int col = row + 1; col < n; col++) {
                values[row * n + col] = MASKED;
            }
        }
        return manager.create(values, new Shape(t, t));
    }

    private NDArray w(String name) {
        return weights.get(name);
    }
}
