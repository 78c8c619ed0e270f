package dev.losslens.comparison;

import dev.losslens.comparison.ComparisonConfig.LaneConfig;
import dev.losslens.comparison.ComparisonRequest.LaneRequest;
import dev.losslens.conversation.AnswerSpan;
import dev.losslens.dataset.DatasetCatalogue;
import dev.losslens.model.ModelPreset;
import dev.losslens.notation.Keyed;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.system.rejection.FormErrors;
import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.Rejection.Field;
import dev.losslens.training.LaneSpec;
import dev.losslens.training.PipelineBug;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Turns a request into a bounded, normalised config, or names every field that is wrong. */
@Component
public class ComparisonValidator {

    public static final String DEFAULT_DATASET = "capitals";
    public static final ModelPreset DEFAULT_MODEL = ModelPreset.TINY;
    public static final int DEFAULT_STEPS = 300;
    public static final double DEFAULT_LEARNING_RATE = 1e-4;
    public static final int DEFAULT_BATCH = 16;
    public static final long DEFAULT_SEED = 7;
    public static final int DEFAULT_EVAL_EVERY = 25;
    private static final long MAX_SEED = 1L << 48;

    private final DatasetCatalogue datasets;
    private final TrainingProperties bounds;

    ComparisonValidator(DatasetCatalogue datasets, TrainingProperties bounds) {
        this.datasets = datasets;
        this.bounds = bounds;
    }

    ComparisonConfig validate(ComparisonRequest request) {
        FormErrors errors = new FormErrors();
        String dataset = errors.attempt(() -> datasets.require(orDefault(request.dataset(), DEFAULT_DATASET), "dataset")
                .name());
        ModelPreset model = errors.attempt(() -> model(request.model()));
        Integer steps = errors.attempt(() -> within("steps", request.steps(), DEFAULT_STEPS, 1, bounds.maxSteps()));
        Double learningRate = errors.attempt(() -> learningRate(request.learningRate()));
        Integer batchSize = errors.attempt(() -> within("batchSize", request.batchSize(), DEFAULT_BATCH, 1,
                bounds.maxBatchSize()));
        Long seed = errors.attempt(() -> seed(request.seed()));
        Integer evalEvery = steps == null ? null : errors.attempt(() -> evalEvery(request.evalEvery(), steps));
        List<LaneConfig> lanes = errors.attempt(() -> lanes(request.lanes(), model == null ? DEFAULT_MODEL : model,
                errors));
        errors.throwIfAny();
        return new ComparisonConfig(dataset, model, steps, learningRate, batchSize, seed, evalEvery, lanes);
    }

    private static ModelPreset model(String requested) {
        return Keyed.parse(ModelPreset.class, orDefault(requested, DEFAULT_MODEL.key())).orElseThrow(() ->
                new InvalidInputException("model", "one-of", new Field("model"), Keyed.choices(ModelPreset.class)));
    }

    private double learningRate(Double requested) {
        double learningRate = requested == null ? DEFAULT_LEARNING_RATE : requested;
        if (!(learningRate >= bounds.minLearningRate() && learningRate <= bounds.maxLearningRate())) {
            throw new InvalidInputException("learningRate", "range", new Field("learningRate"), bounds.minLearningRate(),
                    bounds.maxLearningRate());
        }
        return learningRate;
    }

    private static long seed(Long requested) {
        long seed = requested == null ? DEFAULT_SEED : requested;
        if (seed < 0 || seed > MAX_SEED) {
            throw new InvalidInputException("seed", "range", new Field("seed"), 0, MAX_SEED);
        }
        return seed;
    }

    private static int evalEvery(Integer requested, int steps) {
        int evalEvery = within("evalEvery", requested, Math.min(DEFAULT_EVAL_EVERY, steps), 1, steps);
        if (steps / evalEvery > 100) {
            throw new InvalidInputException("evalEvery", "comparison.eval-every", new Field("evalEvery"),
                    (steps + 99) / 100, steps);
        }
        return evalEvery;
    }

    /** Every lane is read, so each bad lane is reported; null if any was bad. */
    private static List<LaneConfig> lanes(List<LaneRequest> requested, ModelPreset model, FormErrors errors) {
        if (requested == null || requested.size() < TrainingProperties.MIN_LANES
                || requested.size() > TrainingProperties.MAX_LANES) {
            throw new InvalidInputException("lanes", "comparison.lane-count", TrainingProperties.MIN_LANES,
                    TrainingProperties.MAX_LANES);
        }
        List<LaneConfig> lanes = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            int index = i;
            LaneConfig lane = errors.attempt(() -> lane(requested.get(index), lane(index), model));
            if (lane != null && lanes.contains(lane)) {
                errors.attempt(() -> {
                    throw new InvalidInputException(lane(index), "comparison.lane-repeats", new Field(lane(index)),
                            new Field(lane(lanes.indexOf(lane))));
                });
            }
            lanes.add(lane);
        }
        return lanes.contains(null) ? null : lanes;
    }

    /** The API's name of the lane at {@code index}: {@code lanes[1]}. */
    private static String lane(int index) {
        return "lanes[" + index + "]";
    }

    private static LaneConfig lane(LaneRequest lane, String field, ModelPreset model) {
        if (lane == null) {
            throw new InvalidInputException(field, "missing", new Field(field));
        }
        ObjectiveKind objective = Keyed.parse(ObjectiveKind.class, orDefault(lane.objective(), "")).orElseThrow(() ->
                new InvalidInputException(field + ".objective", "one-of", new Field("objective"),
                        Keyed.choices(ObjectiveKind.class)));
        double promptWeight = switch (objective) {
            case PRETRAINING -> 1.0;
            case INSTRUCTION -> 0.0;
            case WEIGHTED -> {
                Double lambda = lane.promptWeight();
                if (lambda == null || lambda.isNaN() || lambda < 0 || lambda > 1) {
                    throw new InvalidInputException(field + ".promptWeight", "comparison.needs-weight", new Field(field),
                            new Field("promptWeight"));
                }
                yield lambda;
            }
        };
        LaneSpec.Init init = Keyed.parse(LaneSpec.Init.class, orDefault(lane.init(), LaneSpec.Init.SCRATCH.key())).orElseThrow(() ->
                new InvalidInputException(field + ".init", "one-of", new Field("init"), Keyed.choices(LaneSpec.Init.class)));
        if (init == LaneSpec.Init.BASE && model != ModelPreset.TINY) {
            throw new InvalidInputException(field + ".init", "comparison.base-model", ModelPreset.TINY.key());
        }
        AnswerSpan span = Keyed.parse(AnswerSpan.class, orDefault(lane.answerSpan(), AnswerSpan.EVERY_TURN.key()))
                .orElseThrow(() -> new InvalidInputException(field + ".answerSpan", "one-of", new Field("answerSpan"),
                        Keyed.choices(AnswerSpan.class)));
        PipelineBug bug = lane.bug() == null || lane.bug().isBlank() ? null
                : Keyed.parse(PipelineBug.class, lane.bug().strip()).orElseThrow(() -> new InvalidInputException(
                        field + ".bug", "one-of", new Field("bug"), Keyed.choices(PipelineBug.class)));
        if (bug != null && objective != ObjectiveKind.INSTRUCTION) {
            throw new InvalidInputException(field + ".bug", "comparison.bug-needs-instruction", new Field(field));
        }
        return new LaneConfig(objective, promptWeight, init, span, bug);
    }

    private static int within(String field, Integer value, int fallback, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new InvalidInputException(field, "range", new Field(field), min, max);
        }
        return v;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
