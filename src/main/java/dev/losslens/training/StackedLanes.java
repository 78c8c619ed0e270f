package dev.losslens.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.losslens.model.DjlEngine;
import dev.losslens.model.GptParameters;
import dev.losslens.model.ModelConfig;
import dev.losslens.model.StackedGpt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Lanes of one model shape trained as one network: every weight stacked along a leading lane axis, with each lane's
 * starting point θ₀ and its optimiser state. A step takes one batch per lane; lanes whose batches have the same
 * shape run their forward and backward pass together, so a lane's arithmetic depends on its own batch only, never on
 * which other lanes share the stack. Must be used from one training thread.
 */
public final class StackedLanes implements AutoCloseable {

    private final ModelConfig config;
    private final NDManager manager;
    private final LaneTensors weights;
    private final LaneTensors initial;
    private final AdamW optimizer;

    public StackedLanes(ModelConfig config, NDManager parent) {
        this.config = config;
        this.manager = parent.newSubManager();
        this.weights = new LaneTensors(manager);
        this.initial = new LaneTensors(manager);
        this.optimizer = new AdamW(manager);
    }

    public int size() {
        return weights.byName().isEmpty() ? 0 : Math.toIntExact(weights.byName().get("head.weight").getShape().get(0));
    }

    /** Appends lanes starting from the given weights (copied), each with fresh optimiser state. */
    public void add(List<GptParameters> start, double learningRate) {
        try (NDScope ignored = new NDScope()) {
            Map<String, NDArray> added = StackedGpt.stack(start);                                       // each (n, …)
            weights.append(added);
            initial.append(added);
            optimizer.add(added, learningRate);
        }
        weights.byName().values().forEach(array -> array.setRequiresGradient(true));
    }

    /** Keeps only the lanes at the given positions, in that order; the others leave the stack. */
    public void keep(int[] lanes) {
        if (isWholeStack(lanes)) {
            return;
        }
        try (NDScope ignored = new NDScope()) {
            NDArray index = indexOf(lanes);
            weights.keep(index);
            initial.keep(index);
            optimizer.keep(lanes, index);
        }
        weights.byName().values().forEach(array -> array.setRequiresGradient(true));
    }

    /**
     * One gradient step of every lane on the batch its pipeline built (see {@link StackedGpt#weightedNll}). Returns
     * each lane's loss before the update; a lane whose loss is not finite must leave the stack.
     */
    public float[] step(List<ModelBatch> batches) {
        if (batches.size() != size()) {
            throw new IllegalArgumentException(batches.size() + " batches for " + size() + " lanes");
        }
        float[] losses = new float[batches.size()];
        try (NDScope ignored = new NDScope()) {
            Map<List<Object>, List<Integer>> byShape = new LinkedHashMap<>();
            for (int lane = 0; lane < batches.size(); lane++) {
                ModelBatch batch = batches.get(lane);
                byShape.computeIfAbsent(List.of(batch.rows(), batch.length(), batch.microBatches()),
                        shape -> new ArrayList<>()).add(lane);
            }
            List<int[]> groups = byShape.values().stream()
                    .map(group -> group.stream().mapToInt(Integer::intValue).toArray()).toList();
            NDArray all = DjlEngine.backward(() -> {
                NDList groupLosses = new NDList();
                for (int[] group : groups) {
                    groupLosses.add(loss(batches, group));                                            // (G)
                }
                // concatenating a single array copies it without its history: one group is used as it is
                return groupLosses.size() == 1 ? groupLosses.head() : NDArrays.concat(groupLosses);   // (L) in group order
            });
            float[] values = all.toFloatArray();
            int at = 0;
            for (int[] group : groups) {
                for (int lane : group) {
                    losses[lane] = values[at++];
                }
            }
            optimizer.step(weights.byName());
        }
        return losses;
    }

    /**
     * The given lanes' current weights as one network, for evaluation within the caller's {@link NDScope}; the
     * arrays are copies, so the stack may change afterwards.
     */
    public StackedGpt frozen(int[] lanes) {
        NDArray index = indexOf(lanes);
        Map<String, NDArray> copies = new LinkedHashMap<>();
        weights.byName().forEach((name, array) -> copies.put(name, array.get(index).stopGradient()));
        return new StackedGpt(config, copies);
    }

    /** One lane's current weights, copied into {@code parent}. */
    public GptParameters lane(int lane, NDManager parent) {
        try (NDScope ignored = new NDScope()) {
            NDList list = new NDList();
            weights.byName().values().forEach(array -> list.add(array.get(lane).duplicate()));
            return GptParameters.fromList(config, list, parent);
        }
    }

    /** ‖θ − θ₀‖ / ‖θ₀‖ over all weights of each given lane: how far training has moved it from where it started. */
    public double[] drift(int[] lanes) {
        try (NDScope ignored = new NDScope()) {
            NDArray index = indexOf(lanes);
            double[] moved = new double[lanes.length];
            double[] start = new double[lanes.length];
            for (Map.Entry<String, NDArray> entry : weights.byName().entrySet()) {
                NDArray theta = entry.getValue().get(index);                                          // (G, …)
                NDArray theta0 = initial.byName().get(entry.getKey()).get(index);                     // (G, …)
                int[] within = IntStream.range(1, theta.getShape().dimension()).toArray();
                float[] movedHere = theta.sub(theta0).square().sum(within).toFloatArray();             // (G)
                float[] startHere = theta0.square().sum(within).toFloatArray();                        // (G)
                for (int i = 0; i < lanes.length; i++) {
                    moved[i] += movedHere[i];
                    start[i] += startHere[i];
                }
            }
            double[] drift = new double[lanes.length];
            for (int i = 0; i < lanes.length; i++) {
                drift[i] = Math.sqrt(moved[i]) / Math.sqrt(start[i]);
            }
            return drift;
        }
    }

    /** The group's weights: the stack itself when the group is every lane in order, else the group's lanes. */
    private StackedGpt model(int[] group) {
        if (isWholeStack(group)) {
            return new StackedGpt(config, weights.byName());
        }
        NDArray index = indexOf(group);
        Map<String, NDArray> selected = new LinkedHashMap<>();
        weights.byName().forEach((name, array) -> selected.put(name, array.get(index)));
        return new StackedGpt(config, selected);
    }

    /** The group's losses (G): lanes whose batches have one shape and one micro-batch count. */
    private NDArray loss(List<ModelBatch> batches, int[] group) {
        ModelBatch first = batches.get(group[0]);
        int perLane = first.rows() * first.length();
        int[] inputs = new int[group.length * perLane];
        int[] targets = new int[group.length * perLane];
        float[] w = new float[group.length * perLane];
        float[] least = new float[group.length];
        for (int g = 0; g < group.length; g++) {
            ModelBatch lane = batches.get(group[g]);
            System.arraycopy(lane.inputs(), 0, inputs, g * perLane, perLane);
            System.arraycopy(lane.targets(), 0, targets, g * perLane, perLane);
            System.arraycopy(lane.weights(), 0, w, g * perLane, perLane);
            least[g] = lane.leastDenominator();
        }
        Shape shape = new Shape(group.length, first.rows(), first.length());
        return model(group).weightedNll(
                manager.create(inputs, shape).toType(DataType.INT64, false),                           // (G, B, T)
                manager.create(targets, shape).toType(DataType.INT64, false),                          // (G, B, T)
                manager.create(w, shape),                                                             // (G, B, T)
                first.microBatches(), manager.create(least));                                         // (G)
    }

    /** Whether the positions are every lane of the stack, in order. */
    private boolean isWholeStack(int[] lanes) {
        return lanes.length == size() && IntStream.range(0, lanes.length).allMatch(i -> lanes[i] == i);
    }

    private NDArray indexOf(int[] lanes) {
        return manager.create(IntStream.of(lanes).mapToLong(lane -> lane).toArray());                  // (G) int64
    }

    @Override
    public void close() {
        optimizer.close();
        manager.close();
    }
}
