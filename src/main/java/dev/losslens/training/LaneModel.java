package dev.losslens.training;

import ai.djl.ndarray.NDManager;
import dev.losslens.model.GptParameters;
import dev.losslens.objective.LossObjective;
import java.util.List;

/** One network trained alone on one objective: a stack of one lane. Must be used from one training thread. */
public final class LaneModel implements AutoCloseable {

    private final StackedLanes lane;
    private final LanePipeline pipeline;

    /** Trains a copy of {@code weights}, which stay as they are. */
    public LaneModel(GptParameters weights, LossObjective objective, double learningRate, NDManager manager) {
        this.lane = new StackedLanes(weights.config(), manager);
        this.lane.add(List.of(weights), learningRate);
        this.pipeline = new LanePipeline(objective, null, weights.config().context());
    }

    /** One gradient step; returns the loss before the update. */
    public double step(TrainingBatch batch) {
        return lane.step(List.of(pipeline.build(batch)))[0];
    }

    /** The weights as trained so far, copied into {@code manager}. */
    public GptParameters weights(NDManager manager) {
        return lane.lane(0, manager);
    }

    @Override
    public void close() {
        lane.close();
    }
}
