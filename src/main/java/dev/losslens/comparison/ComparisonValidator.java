package dev.losslens.comparison;

import dev.losslens.comparison.ComparisonConfig.LaneConfig;
import dev.losslens.comparison.ComparisonRequest.LaneRequest;
import dev.losslens.dataset.SampleDatasets;
import dev.losslens.keyed.Keyed;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.system.FormErrors;
import dev.losslens.system.InvalidInputException;
import dev.losslens.training.LaneSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Turns a request into a bounded, normalised config, or names every field that is wrong. */
@Component
public class ComparisonValidator {

    public static final String DEFAULT_DATASET = "capitals";
    public static final String DEFAULT_MODEL = "tiny";
    public static final int DEFAULT_STEPS = 300;
    public static final double DEFAULT_LEARNING_RATE = 1e-4;
    public static final int DEFAULT_BATCH = 16;
    public static final long DEFAULT_SEED = 7;
    public static final int DEFAULT_EVAL_EVERY = 25;
    public static final Set<String> MODELS = Set.of("tiny", "small");
    private static final long MAX_SEED = 1L << 48;

    private final SampleDatasets datasets;
    private final TrainingProperties bounds;

    ComparisonValidator(SampleDatasets datasets, TrainingProperties bounds) {
        this.datasets = datasets;
        this.bounds = bounds;
    }

    ComparisonConfig validate(ComparisonRequest request) {
        FormErrors errors = new FormErrors();
        String dataset = errors.attempt(() -> datasets.require(orDefault(request.dataset(), DEFAULT_DATASET), "dataset")
                .name());
        String model = errors.attempt(() -> model(request.model()));
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

    private static String model(String requested) {
        String model = orDefault(requested, DEFAULT_MODEL);
        if (!MODELS.contains(model)) {
            throw new InvalidInputException("model", "model must be 'tiny' or 'small'");
        }
        return model;
    }

    private double learningRate(Double requested) {
        double learningRate = requested == null ? DEFAULT_LEARNING_RATE : requested;
        if (!(learningRate >= bounds.minLearningRate() && learningRate <= bounds.maxLearningRate())) {
            throw new InvalidInputException("learningRate", "learningRate must be from %s to %s"
                    .formatted(plain(bounds.minLearningRate()), plain(bounds.maxLearningRate())));
        }
        return learningRate;
    }

    private static long seed(Long requested) {
        long seed = requested == null ? DEFAULT_SEED : requested;
        if (seed < 0 || seed > MAX_SEED) {
            throw new InvalidInputException("seed", "seed must be from 0 to " + MAX_SEED);
        }
        return seed;
    }

    private static int evalEvery(Integer requested, int steps) {
        int evalEvery = within("evalEvery", requested, Math.min(DEFAULT_EVAL_EVERY, steps), 1, steps);
        if (steps / evalEvery > 100) {
            throw new InvalidInputException("evalEvery", "evalEvery must be at least " + (steps + 99) / 100
                    + " for " + steps + " steps (at most 100 evaluations)");
        }
        return evalEvery;
    }

    /** Every lane is read, so each bad lane is reported; null if any was bad. */
    private static List<LaneConfig> lanes(List<LaneRequest> requested, String model, FormErrors errors) {
        if (requested == null || requested.size() < TrainingProperties.MIN_LANES
                || requested.size() > TrainingProperties.MAX_LANES) {
            throw new InvalidInputException("lanes", "a comparison has %d to %d lanes"
                    .formatted(TrainingProperties.MIN_LANES, TrainingProperties.MAX_LANES));
        }
        List<LaneConfig> lanes = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            int index = i;
            LaneConfig lane = errors.attempt(() -> lane(requested.get(index), "lanes[" + index + "]", model));
            if (lane != null && lanes.contains(lane)) {
                errors.attempt(() -> {
                    throw new InvalidInputException("lanes[" + index + "]",
                            "lanes[%d] repeats lanes[%d]; lanes must differ in objective or init"
                                    .formatted(index, lanes.indexOf(lane)));
                });
            }
            lanes.add(lane);
        }
        return lanes.contains(null) ? null : lanes;
    }

    private static LaneConfig lane(LaneRequest lane, String field, String model) {
        if (lane == null) {
            throw new InvalidInputException(field, field + " is missing");
        }
        ObjectiveKind objective = Keyed.parse(ObjectiveKind.class, orDefault(lane.objective(), "")).orElseThrow(() ->
                new InvalidInputException(field + ".objective",
                        "objective must be 'pretraining', 'instruction' or 'weighted'"));
        double promptWeight = switch (objective) {
            case PRETRAINING -> 1.0;
            case INSTRUCTION -> 0.0;
            case WEIGHTED -> {
                Double lambda = lane.promptWeight();
                if (lambda == null || lambda.isNaN() || lambda < 0 || lambda > 1) {
                    throw new InvalidInputException(field + ".promptWeight",
                            field + " is weighted and needs promptWeight (λ) from 0 to 1");
                }
                yield lambda;
            }
        };
        LaneSpec.Init init = Keyed.parse(LaneSpec.Init.class, orDefault(lane.init(), LaneSpec.Init.SCRATCH.key())).orElseThrow(() ->
                new InvalidInputException(field + ".init", "init must be 'scratch' or 'base'"));
        if (init == LaneSpec.Init.BASE && !model.equals("tiny")) {
            throw new InvalidInputException(field + ".init", "the pre-trained base exists for model 'tiny' only");
        }
        return new LaneConfig(objective, promptWeight, init);
    }

    private static int within(String field, Integer value, int fallback, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new InvalidInputException(field, "%s must be from %d to %d".formatted(field, min, max));
        }
        return v;
    }

    /** A bound as a person writes it: 0.00001, not 1.0E-5. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
