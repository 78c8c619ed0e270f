package dev.losslens.lab;

import static dev.losslens.objective.ObjectiveKind.INSTRUCTION;
import static dev.losslens.objective.ObjectiveKind.PRETRAINING;
import static dev.losslens.objective.ObjectiveKind.WEIGHTED;
import static dev.losslens.training.LaneSpec.Init.BASE;
import static dev.losslens.training.LaneSpec.Init.SCRATCH;

import dev.losslens.comparison.ComparisonRequest.LaneRequest;
import dev.losslens.comparison.ComparisonRequest;
import dev.losslens.comparison.ComparisonValidator;
import dev.losslens.comparison.LaneLabel;
import dev.losslens.conversation.AnswerSpan;
import dev.losslens.notation.Keyed;
import dev.losslens.notation.PlainNumber;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.training.LaneSpec;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.context.MessageSourceResolvable;

/**
 * The lab's one-click comparisons, on the lab's default settings. Each is a fixed config, so a hall pressing the same preset trains it once and
 * every later press replays the stored result. Public for the template engine and for the lecture deck, which races
 * them.
 */
public enum LabPreset implements Keyed {

    OBJECTIVE_FROM_BASE(ComparisonValidator.DEFAULT_DATASET, lane(PRETRAINING, null, BASE), lane(INSTRUCTION, null, BASE)),
    SCRATCH_VS_BASE(ComparisonValidator.DEFAULT_DATASET, lane(INSTRUCTION, null, SCRATCH), lane(INSTRUCTION, null, BASE)),
    PROMPT_WEIGHT(ComparisonValidator.DEFAULT_DATASET, lane(WEIGHTED, 0.0, BASE), lane(WEIGHTED, 0.1, BASE), lane(WEIGHTED, 1.0, BASE)),
    CONVERSATION_TURNS("conversations", turns(AnswerSpan.EVERY_TURN), turns(AnswerSpan.LAST_TURN));

    private static final String DATASET = ComparisonValidator.DEFAULT_DATASET;
    private static final String MODEL = ComparisonValidator.DEFAULT_MODEL.key();
    private static final int STEPS = ComparisonValidator.DEFAULT_STEPS;
    private static final double LEARNING_RATE = ComparisonValidator.DEFAULT_LEARNING_RATE;
    private static final int BATCH_SIZE = ComparisonValidator.DEFAULT_BATCH;
    private static final long SEED = ComparisonValidator.DEFAULT_SEED;
    private static final int EVAL_EVERY = ComparisonValidator.DEFAULT_EVAL_EVERY;

    private final String dataset;
    private final List<LaneRequest> lanes;

    /** Its title and description are the bundle's {@code page.preset.<key>.title} and {@code .description}. */
    LabPreset(String dataset, LaneRequest... lanes) {
        this.dataset = dataset;
        this.lanes = List.of(lanes);
    }

    /** Its lanes' names, for the page to word ({@code @wording.page(label)}). */
    public List<MessageSourceResolvable> laneLabels() {
        List<ObjectiveKind> objectives = lanes.stream().map(lane -> Keyed.of(ObjectiveKind.class, lane.objective()))
                .toList();
        List<AnswerSpan> spans = lanes.stream().map(lane -> lane.answerSpan() == null ? AnswerSpan.EVERY_TURN
                : Keyed.of(AnswerSpan.class, lane.answerSpan())).toList();
        boolean differ = LaneLabel.spansDiffer(objectives, spans);
        return IntStream.range(0, lanes.size()).mapToObj(i -> LaneLabel.of(objectives.get(i),
                lanes.get(i).promptWeight() == null ? 0 : lanes.get(i).promptWeight(),
                Keyed.of(LaneSpec.Init.class, lanes.get(i).init()), spans.get(i), differ)).toList();
    }

    private static LaneRequest lane(ObjectiveKind objective, Double promptWeight, LaneSpec.Init init) {
        return new LaneRequest(objective.key(), promptWeight, init.key());
    }

    /** An instruction lane from the base that trains the assistant turns {@code span} covers. */
    private static LaneRequest turns(AnswerSpan span) {
        return new LaneRequest(INSTRUCTION.key(), null, BASE.key(), span.key());
    }

    /** Dataset, model, steps, learning rate, batch size and seed, as the bundle's {@code page.preset.settings} shows them. */
    public String[] settings() {
        return new String[] {dataset, MODEL, PlainNumber.of(STEPS), PlainNumber.of(LEARNING_RATE),
                PlainNumber.of(BATCH_SIZE), PlainNumber.of(SEED)};
    }

    /** The prompt-weight preset's comparison with other λ: base lanes on the lab's default settings. */
    public static ComparisonRequest promptWeights(List<Double> lambdas) {
        return new ComparisonRequest(DATASET, MODEL, STEPS, LEARNING_RATE, BATCH_SIZE, SEED, EVAL_EVERY,
                lambdas.stream().map(lambda -> lane(WEIGHTED, lambda, BASE)).toList());
    }

    public ComparisonRequest request() {
        return new ComparisonRequest(dataset, MODEL, STEPS, LEARNING_RATE, BATCH_SIZE, SEED, EVAL_EVERY, lanes);
    }
}
