package dev.losslens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The named weights of a {@link TinyGpt}, in a fixed order. Matrices start as normal(0, 0.02) drawn from a
 * seeded Java {@link Random}, so the same seed gives bit-identical weights on any thread; LayerNorm gains start
 * at 1 and every bias at 0. With such small weights the untrained model is near uniform: loss ≈ ln V.
 */
public final class GptParameters implements AutoCloseable {

    static final float INIT_STD = 0.02f;

    private final ModelConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> arrays;

    private GptParameters(ModelConfig config, NDManager manager, Map<String, NDArray> arrays) {
        this.config = config;
        this.manager = manager;
        this.arrays = arrays;
    }

    public static GptParameters initialise(ModelConfig config, long seed, NDManager parent) {
        NDManager manager = parent.newSubManager();
        Random random = new Random(seed);
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> entry : shapes(config).entrySet()) {
            String name = entry.getKey();
            Shape shape = entry.getValue();
            NDArray array;
            if (name.endsWith(".gamma")) {
                array = manager.ones(shape);
            } else if (name.endsWith(".bias") || name.endsWith(".beta")) {
                array = manager.zeros(shape);
            } else {
                float[] values = new float[Math.toIntExact(shape.size())];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) random.nextGaussian() * INIT_STD;
                }
                array = manager.create(values, shape);
            }
            NDScope.unregister(array);
            arrays.put(name, array);
        }
        return new GptParameters(config, manager, arrays);
    }

    /** Weights from a stored list in {@link #shapes} order; the list is checked against the config. */
    public static GptParameters fromList(ModelConfig config, NDList list, NDManager parent) {
        Map<String, Shape> shapes = shapes(config);
        if (list.size() != shapes.size()) {
            throw new IllegalArgumentException("expected " + shapes.size() + " arrays, found " + list.size());
        }
        NDManager manager = parent.newSubManager();
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, Shape> entry : shapes.entrySet()) {
            NDArray array = list.get(i++);
            if (!array.getShape().equals(entry.getValue())) {
                throw new IllegalArgumentException(entry.getKey() + " has shape " + array.getShape()
                        + ", expected " + entry.getValue());
            }
            array.attach(manager);
            NDScope.unregister(array);
            arrays.put(entry.getKey(), array);
        }
        return new GptParameters(config, manager, arrays);
    }

    /** Every weight, in a fixed order: embeddings, then per block ln1, attention, ln2, MLP, then final norm and head. */
    static Map<String, Shape> shapes(ModelConfig c) {
        long d = c.dModel();
        Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put("tokenEmbedding.weight", new Shape(c.vocabSize(), d));
        shapes.put("positionEmbedding.weight", new Shape(c.context(), d));
        for (int l = 0; l < c.layers(); l++) {
            String b = "block" + l + ".";
            shapes.put(b + "ln1.gamma", new Shape(d));
            shapes.put(b + "ln1.beta", new Shape(d));
            shapes.put(b + "attention.qkv.weight", new Shape(3 * d, d));
            shapes.put(b + "attention.qkv.bias", new Shape(3 * d));
            shapes.put(b + "attention.out.weight", new Shape(d, d));
            shapes.put(b + "attention.out.bias", new Shape(d));
            shapes.put(b + "ln2.gamma", new Shape(d));
            shapes.put(b + "ln2.beta", new Shape(d));
            shapes.put(b + "mlp.in.weight", new Shape(4 * d, d));
            shapes.put(b + "mlp.in.bias", new Shape(4 * d));
            shapes.put(b + "mlp.out.weight", new Shape(d, 4 * d));
            shapes.put(b + "mlp.out.bias", new Shape(d));
        }
        shapes.put("lnFinal.gamma", new Shape(d));
        shapes.put("lnFinal.beta", new Shape(d));
        shapes.put("head.weight", new Shape(c.vocabSize(), d));
        return shapes;
    }

    public ModelConfig config() {
        return config;
    }

    public NDArray get(String name) {
        NDArray array = arrays.get(name);
        if (array == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return array;
    }

    public Map<String, NDArray> byName() {
        return Collections.unmodifiableMap(arrays);
    }

    public NDManager manager() {
        return manager;
    }

    /** An independent copy, e.g. a frozen snapshot for inference or θ₀ for drift. No gradients attached. */
    public GptParameters copy(NDManager parent) {
        NDManager target = parent.newSubManager();
        Map<String, NDArray> copies = new LinkedHashMap<>();
        arrays.forEach((name, array) -> {
            NDArray copy = array.duplicate();
            copy.attach(target);
            NDScope.unregister(copy);
            copies.put(name, copy);
        });
        return new GptParameters(config, target, copies);
    }

    public NDList toList() {
        List<NDArray> list = new ArrayList<>(arrays.values());
        return new NDList(list);
    }

    public void attachGradients() {
        arrays.values().forEach(array -> array.setRequiresGradient(true));
    }

    @Override
    public void close() {
        manager.close();
    }
}
