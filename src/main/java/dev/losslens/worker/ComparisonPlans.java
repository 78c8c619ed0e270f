package dev.losslens.worker;

import ai.djl.ndarray.NDManager;
import dev.losslens.comparison.ComparisonConfig;
import dev.losslens.comparison.ComparisonValidator;
import dev.losslens.comparison.TrainingProperties;
import dev.losslens.dataset.SampleDatasets;
import dev.losslens.dataset.Split;
import dev.losslens.model.BaseCheckpoint;
import dev.losslens.model.GptParameters;
import dev.losslens.model.ModelConfig;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.TokenizedExample;
import dev.losslens.text.Tokenizer;
import dev.losslens.training.Evaluator;
import dev.losslens.training.LaneSpec;
import dev.losslens.training.TrainingPlan;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Resolves a stored config into what training needs: tokenized splits, starting weights and the evaluator. */
@Component
class ComparisonPlans {

    private final SampleDatasets datasets;
    private final InstructionTemplate template;
    private final Tokenizer tokenizer;
    private final TrainingProperties properties;

    ComparisonPlans(SampleDatasets datasets, InstructionTemplate template, Tokenizer tokenizer,
                    TrainingProperties properties) {
        this.datasets = datasets;
        this.template = template;
        this.tokenizer = tokenizer;
        this.properties = properties;
    }

    /** Parameters of one lane of the largest model a comparison may train. */
    long largestLaneParameters() {
        return ComparisonValidator.MODELS.stream()
                .mapToLong(model -> ModelConfig.preset(model, tokenizer.vocabSize()).parameterCount()).max().orElseThrow();
    }

    /** Called on the training thread: the starting weights are loaded into {@code manager}. */
    TrainingPlan plan(ComparisonConfig config, NDManager manager) {
        List<LaneSpec> lanes = new ArrayList<>();
        List<GptParameters> start = new ArrayList<>();
        ModelConfig model = ModelConfig.preset(config.model(), tokenizer.vocabSize());
        for (ComparisonConfig.LaneConfig lane : config.lanes()) {
            LaneSpec spec = lane.spec();
            lanes.add(spec);
            start.add(spec.init() == LaneSpec.Init.BASE
                    ? BaseCheckpoint.load(manager)
                    : GptParameters.initialise(model, config.seed(), manager));
        }
        List<TokenizedExample> training = datasets.pairs(config.dataset(), Split.TRAIN).stream()
                .map(pair -> template.render(pair.prompt(), pair.response())).toList();
        Evaluator evaluator = new Evaluator(datasets.pairs(config.dataset(), Split.HELDOUT),
                properties.answeredPrompts(), template, tokenizer);
        return new TrainingPlan(lanes, start, training, evaluator, config.steps(), config.batchSize(), config.seed(),
                config.evalEvery(), config.learningRate());
    }
}
