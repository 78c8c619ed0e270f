package dev.losslens.comparison;

import dev.losslens.model.ModelConfig;
import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.NotFoundException;
import dev.losslens.system.rejection.Rejection.Field;
import dev.losslens.training.LanePipeline;
import dev.losslens.training.ModelBatch;
import org.springframework.stereotype.Service;

/** The batch a lane of a stored comparison trained on at a given step, as its pipeline built it. */
@Service
public class LaneBatches {

    private final ComparisonService comparisons;
    private final TrainingData data;

    LaneBatches(ComparisonService comparisons, TrainingData data) {
        this.comparisons = comparisons;
        this.data = data;
    }

    /** Lane {@code lane}'s batch at {@code step} of a comparison of {@code steps} steps. */
    public record LaneBatch(long comparison, int lane, int step, int steps, ModelBatch batch) {
    }

    /** @param step from 1 to the comparison's steps */
    public LaneBatch at(long id, int lane, int step) {
        ComparisonConfig config = comparisons.require(id).config();
        if (lane < 0 || lane >= config.lanes().size()) {
            throw new NotFoundException("lane", "comparison.lane-unknown", lane, id);
        }
        if (step < 1 || step > config.steps()) {
            throw new InvalidInputException("step", "range", new Field("step"), 1, config.steps());
        }
        TrainingData.Prepared prepared;
        try {
            prepared = data.of(config.dataset());
        } catch (DatasetGoneException gone) {
            throw new NotFoundException("dataset", "dataset.deleted", config.dataset());
        }
        return new LaneBatch(id, lane, step, config.steps(), LanePipeline.replay(prepared.training(),
                config.lanes().get(lane).spec(), config.batchSize(), config.seed(), step, ModelConfig.CONTEXT));
    }
}
