package dev.losslens.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.losslens.model.GptParameters;
import dev.losslens.model.TinyGpt;
import dev.losslens.objective.LossObjective;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lane's network, its optimiser and its starting weights θ₀. Must be used from one training thread.
 */
public final class LaneModel implements AutoCloseable {

    /**
     * DJL's PyTorch engine allows one open GradientCollector per process ("already collecting" otherwise): trainers in
     * one JVM (several app contexts under test) take turns for the forward and backward pass of a step.
     */
    private static final ReentrantLock GRADIENT_RECORDING = new ReentrantLock();

    private final TinyGpt model;
    private final GptParameters initial;
    private final AdamW optimizer;
    private final LossObjective objective;

    public LaneModel(GptParameters weights, LossObjective objective, double learningRate, NDManager manager) {
        this.initial = weights.copy(manager);
        weights.attachGradients();
        this.model = new TinyGpt(weights);
        this.optimizer = new AdamW(learningRate);
        this.objective = objective;
    }

    public TinyGpt model() {
        return model;
    }

    /**
     * One gradient step on the objective's loss, Σ w·nll / Σ w over the whole batch (a true per-token mean).
     * Returns the loss before the update; a non-finite loss leaves the weights untouched.
     */
    public double step(TrainingBatch batch) {
        try (NDScope ignored = new NDScope()) {
            NDManager manager = model.weights().manager();
            NDArray ids = manager.create(batch.ids(), new Shape(batch.size(), batch.length()))
                    .toType(DataType.INT64, false);                                                   // (B, T)
            float[] w = batch.targetWeights(objective);
            NDArray weights = manager.create(w, new Shape(batch.size(), batch.length() - 1));         // (B, T−1)
            NDArray loss;
            GRADIENT_RECORDING.lock();
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                loss = model.weightedNll(ids, weights);                                               // ()
                collector.backward(loss);
            } finally {
                GRADIENT_RECORDING.unlock();
            }
            double value = loss.getFloat();
            if (Double.isFinite(value)) {
                optimizer.step(model.weights());
            }
            return value;
        }
    }

    /** ‖θ − θ₀‖ / ‖θ₀‖ over all weights: how far training has moved the lane from where it started. */
    double drift() {
        try (NDScope ignored = new NDScope()) {
            double moved = 0;
            double start = 0;
            for (var entry : model.weights().byName().entrySet()) {
                NDArray theta0 = initial.get(entry.getKey());
                moved += entry.getValue().sub(theta0).square().sum().getFloat();
                start += theta0.square().sum().getFloat();
            }
            return Math.sqrt(moved) / Math.sqrt(start);
        }
    }

    @Override
    public void close() {
        initial.close();
        model.weights().close();
    }
}
