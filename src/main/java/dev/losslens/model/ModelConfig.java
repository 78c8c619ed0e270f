package dev.losslens.model;

/** Shape of a decoder-only GPT; {@code name} is its preset's word, or the name a benchmark gives its own shape. */
public record ModelConfig(String name, int layers, int dModel, int heads, int context, int vocabSize) {

    /** Context length of every preset, in tokens. */
    public static final int CONTEXT = 128;

    public ModelConfig {
        if (layers < 1 || dModel < 1 || heads < 1 || context < 2 || vocabSize < 1 || dModel % heads != 0) {
            throw new IllegalArgumentException("invalid model shape: " + layers + " layers, d_model " + dModel
                    + ", " + heads + " heads, context " + context + ", vocab " + vocabSize);
        }
    }

    public int headDim() {
        return dModel / heads;
    }

    /** Weights that take part in matrix products: 12·L·d² for the blocks, plus embeddings and head. */
    public long parameterCount() {
        long perBlock = 4L * dModel                        // two LayerNorms
                + 3L * dModel * dModel + 3L * dModel       // qkv projection
                + (long) dModel * dModel + dModel          // attention output
                + 4L * dModel * dModel + 4L * dModel       // MLP in
                + 4L * dModel * dModel + dModel;           // MLP out
        return (long) vocabSize * dModel                   // token embedding
                + (long) context * dModel                  // position embedding
                + layers * perBlock
                + 2L * dModel                              // final LayerNorm
                + (long) vocabSize * dModel;               // head
    }
}
