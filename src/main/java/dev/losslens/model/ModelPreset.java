package dev.losslens.model;

import dev.losslens.notation.Keyed;

/** The model sizes a comparison can train; every one has a context of {@link ModelConfig#CONTEXT} tokens. */
public enum ModelPreset implements Keyed {
    /** 2 layers, d_model 64, 4 heads. */
    TINY(2, 64, 4),
    /** 4 layers, d_model 128, 4 heads. */
    SMALL(4, 128, 4);

    private final int layers;
    private final int dModel;
    private final int heads;

    ModelPreset(int layers, int dModel, int heads) {
        this.layers = layers;
        this.dModel = dModel;
        this.heads = heads;
    }

    public ModelConfig config(int vocabSize) {
        return new ModelConfig(key(), layers, dModel, heads, ModelConfig.CONTEXT, vocabSize);
    }

    @Override
    public String toString() {
        return key();
    }
}
