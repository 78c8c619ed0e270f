package dev.losslens.lab;

import static dev.losslens.objective.ObjectiveKind.INSTRUCTION;
import static dev.losslens.objective.ObjectiveKind.PRETRAINING;
import static dev.losslens.objective.ObjectiveKind.WEIGHTED;
import static dev.losslens.training.LaneSpec.Init.BASE;
import static dev.losslens.training.LaneSpec.Init.SCRATCH;

import dev.losslens.comparison.ComparisonRequest.LaneRequest;
import dev.losslens.comparison.ComparisonRequest;
import dev.losslens.comparison.ComparisonValidator;
import dev.losslens.notation.Keyed;
import dev.losslens.notation.PlainNumber;
import dev.losslens.objective.LossObjective;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.training.LaneSpec;
import java.util.List;

/**
 * The lab's one-click comparisons, on the lab's default settings. Each is a fixed config, so a hall pressing the same preset trains it once and
 * every later press replays the stored result. Public for the template engine and for the lecture deck, which races
 * them.
 */
public enum LabPreset implements Keyed {

    OBJECTIVE_FROM_BASE("Pre-training vs instruction objective, from the base",
            "Same start, same batches; only which tokens carry loss differs. Compare held-out response NLL, and "
                    + "how far each lane's prompt NLL moves.",
            lane(PRETRAINING, null, BASE), lane(INSTRUCTION, null, BASE)),
    SCRATCH_VS_BASE("Instruction tuning: scratch vs base",
            "The same instruction objective from random weights and from the pre-trained base. Held-out "
                    + "capitals were only ever stated in the pre-training corpus.",
            lane(INSTRUCTION, null, SCRATCH), lane(INSTRUCTION, null, BASE)),
    PROMPT_WEIGHT("Prompt weight λ = 0 / 0.1 / 1",
            "The dial between the objectives: λ = 0 is instruction tuning, λ = 1 the full-sequence objective.",
            lane(WEIGHTED, 0.0, BASE), lane(WEIGHTED, 0.1, BASE), lane(WEIGHTED, 1.0, BASE));

    private static final String DATASET = ComparisonValidator.DEFAULT_DATASET;
    private static final String MODEL = ComparisonValidator.DEFAULT_MODEL.key();
    private static final int STEPS = ComparisonValidator.DEFAULT_STEPS;
    private static final double LEARNING_RATE = ComparisonValidator.DEFAULT_LEARNING_RATE;
    private static final int BATCH_SIZE = ComparisonValidator.DEFAULT_BATCH;
    private static final long SEED = ComparisonValidator.DEFAULT_SEED;
    private static final int EVAL_EVERY = ComparisonValidator.DEFAULT_EVAL_EVERY;

    private final String title;
    private final String description;
    private final List<LaneRequest> lanes;

    LabPreset(String title, String description, LaneRequest... lanes) {
        this.title = title;
        this.description = description;
        this.lanes = List.of(lanes);
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public List<String> laneLabels() {
        return lanes.stream().map(lane -> new LaneSpec(
                LossObjective.of(Keyed.of(ObjectiveKind.class, lane.objective()),
                        lane.promptWeight() == null ? 0 : lane.promptWeight()),
                Keyed.of(LaneSpec.Init.class, lane.init())).label()).toList();
    }

    private static LaneRequest lane(ObjectiveKind objective, Double promptWeight, LaneSpec.Init init) {
        return new LaneRequest(objective.key(), promptWeight, init.key());
    }

    public String settings() {
        return "%s · %s · %d steps · lr %s · batch %d · seed %d".formatted(DATASET, MODEL, STEPS,
                PlainNumber.of(LEARNING_RATE), BATCH_SIZE, SEED);
    }

    /** The prompt-weight preset's comparison with other λ: base lanes on the lab's default settings. */
    public static ComparisonRequest promptWeights(List<Double> lambdas) {
        return new ComparisonRequest(DATASET, MODEL, STEPS, LEARNING_RATE, BATCH_SIZE, SEED, EVAL_EVERY,
                lambdas.stream().map(lambda -> lane(WEIGHTED, lambda, BASE)).toList());
    }

    public ComparisonRequest request() {
        return new ComparisonRequest(DATASET, MODEL, STEPS, LEARNING_RATE, BATCH_SIZE, SEED, EVAL_EVERY, lanes);
    }
}
