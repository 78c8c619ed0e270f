package dev.losslens.training;

import dev.losslens.training.ComparisonRequest.LaneRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The lab's one-click comparisons, on the lab's default settings. Each is a fixed config, so a hall pressing the same preset trains it once and
 * every later press replays the stored result. What the form page reads is public for the template engine.
 */
enum LabPreset {

    OBJECTIVE_FROM_BASE("objective-from-base", "Pre-training vs instruction objective, from the base",
            "Same start, same batches; only which tokens carry loss differs. Compare held-out response NLL, and "
                    + "watch which lane's prompt NLL falls.",
            new LaneRequest("pretraining", null, "base"), new LaneRequest("instruction", null, "base")),
    SCRATCH_VS_BASE("scratch-vs-base", "Instruction tuning: scratch vs base",
            "The same instruction objective from random weights and from the pre-trained base. Held-out "
                    + "capitals were only ever stated in the pre-training corpus.",
            new LaneRequest("instruction", null, "scratch"), new LaneRequest("instruction", null, "base")),
    PROMPT_WEIGHT("prompt-weight", "Prompt weight λ = 0 / 0.1 / 1",
            "The dial between the objectives: λ = 0 is instruction tuning, λ = 1 the full-sequence objective.",
            new LaneRequest("weighted", 0.0, "base"), new LaneRequest("weighted", 0.1, "base"),
            new LaneRequest("weighted", 1.0, "base"));

    private static final String DATASET = ComparisonValidator.DEFAULT_DATASET;
    private static final String MODEL = ComparisonValidator.DEFAULT_MODEL;
    private static final int STEPS = ComparisonValidator.DEFAULT_STEPS;
    private static final double LEARNING_RATE = ComparisonValidator.DEFAULT_LEARNING_RATE;
    private static final int BATCH_SIZE = ComparisonValidator.DEFAULT_BATCH;
    private static final long SEED = ComparisonValidator.DEFAULT_SEED;
    private static final int EVAL_EVERY = ComparisonValidator.DEFAULT_EVAL_EVERY;

    private final String key;
    private final String title;
    private final String description;
    private final List<LaneRequest> lanes;

    LabPreset(String key, String title, String description, LaneRequest... lanes) {
        this.key = key;
        this.title = title;
        this.description = description;
        this.lanes = List.of(lanes);
    }

    static Optional<LabPreset> find(String key) {
        return Arrays.stream(values()).filter(preset -> preset.key.equals(key)).findFirst();
    }

    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public List<String> laneLabels() {
        return lanes.stream().map(lane -> new ComparisonConfig.LaneConfig(
                lane.objective(), lane.promptWeight() == null ? 0 : lane.promptWeight(), lane.init()).spec().label()).toList();
    }

    public String settings() {
        return "%s · %s · %d steps · lr %s · batch %d · seed %d".formatted(DATASET, MODEL, STEPS,
                LabForm.plain(LEARNING_RATE), BATCH_SIZE, SEED);
    }

    ComparisonRequest request() {
        return new ComparisonRequest(DATASET, MODEL, STEPS, LEARNING_RATE, BATCH_SIZE, SEED, EVAL_EVERY, lanes);
    }
}
