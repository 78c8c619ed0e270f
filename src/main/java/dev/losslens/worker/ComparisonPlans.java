package dev.losslens.worker;

import ai.djl.ndarray.NDManager;
import dev.losslens.comparison.ComparisonConfig;
import dev.losslens.comparison.DatasetGoneException;
import dev.losslens.comparison.TrainingData;
import dev.losslens.model.BaseCheckpoint;
import dev.losslens.model.GptParameters;
import dev.losslens.model.ModelConfig;
import dev.losslens.model.ModelPreset;
import dev.losslens.text.Tokenizer;
import dev.losslens.training.LaneSpec;
import dev.losslens.training.TrainingPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Resolves a stored config into what training needs: the dataset as training reads it and the starting weights. */
@Component
class ComparisonPlans {

    private final TrainingData data;
    private final Tokenizer tokenizer;

    ComparisonPlans(TrainingData data, Tokenizer tokenizer) {
        this.data = data;
        this.tokenizer = tokenizer;
    }

    /** Parameters of one lane of the largest model a comparison may train. */
    long largestLaneParameters() {
        return Arrays.stream(ModelPreset.values())
                .mapToLong(model -> model.config(tokenizer.vocabSize()).parameterCount()).max().orElseThrow();
    }

    /**
     * Called on a training thread: the starting weights are loaded into {@code manager}, once per kind of start (the
     * stack copies them into each lane).
     *
     * @throws DatasetGoneException when an instructor deleted the run's dataset while the run waited
     */
    TrainingPlan plan(ComparisonConfig config, NDManager manager) {
        TrainingData.Prepared prepared = data.of(config.dataset());
        List<LaneSpec> lanes = new ArrayList<>();
        List<GptParameters> start = new ArrayList<>();
        ModelConfig model = config.model().config(tokenizer.vocabSize());
        Map<LaneSpec.Init, GptParameters> starts = new EnumMap<>(LaneSpec.Init.class);
        for (ComparisonConfig.LaneConfig lane : config.lanes()) {
            LaneSpec spec = lane.spec();
            lanes.add(spec);
            start.add(starts.computeIfAbsent(spec.init(), init -> init == LaneSpec.Init.BASE
                    ? BaseCheckpoint.load(manager)
                    : GptParameters.initialise(model, config.seed(), manager)));
        }
        return new TrainingPlan(lanes, start, prepared.training(), prepared.evaluator(), config.steps(),
                config.batchSize(), config.seed(), config.evalEvery(), config.learningRate());
    }
}
