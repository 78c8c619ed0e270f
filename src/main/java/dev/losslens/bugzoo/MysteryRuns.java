package dev.losslens.bugzoo;

import dev.losslens.comparison.ComparisonRequest;
import dev.losslens.comparison.ComparisonRequest.LaneRequest;
import dev.losslens.comparison.ComparisonService;
import dev.losslens.comparison.ComparisonStatus;
import dev.losslens.comparison.ComparisonView;
import dev.losslens.comparison.ComparisonView.LaneView;
import dev.losslens.comparison.LaneChecks.CheckFailure;
import dev.losslens.comparison.LaneLabel;
import dev.losslens.comparison.MeasurementStore;
import dev.losslens.comparison.OwnerSecret;
import dev.losslens.comparison.Submission;
import dev.losslens.lab.GenerationRow;
import dev.losslens.notation.Keyed;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.quiz.bank.BugZoo;
import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.Rejection;
import dev.losslens.system.words.Wording;
import dev.losslens.training.LaneSpec;
import dev.losslens.training.MetricPoint;
import dev.losslens.training.PipelineBug;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one place that says what a mystery run is: on the {@value #DATASET} dataset at the lab's defaults, an instruction
 * lane from the base with a correct pipeline (lane 0) beside the same lane with one pipeline bug (lane 1), submitted as
 * a mystery so that no page names the bug. Equal bugs make equal comparisons: once one has finished, the next learner's
 * replays it. Also the quiz's view of these runs.
 */
@Component
public class MysteryRuns implements BugZoo {

    static final String DATASET = "chat";
    /** Where runs the quiz and the lecture start come from, for the per-address ceiling. */
    private static final String CLIENT = "quiz";
    /** Held-out prompts shown with their answers: enough to see a pattern, few enough to read. */
    static final int SHOWN_ANSWERS = 3;
    private static final List<String> KEYS = Arrays.stream(PipelineBug.values()).map(PipelineBug::key).toList();

    private final ComparisonService comparisons;
    private final MeasurementStore measurements;
    private final MysteryProperties properties;
    private final Wording wording;

    MysteryRuns(ComparisonService comparisons, MeasurementStore measurements, MysteryProperties properties,
                Wording wording) {
        this.comparisons = comparisons;
        this.measurements = measurements;
        this.properties = properties;
        this.wording = wording;
    }

    /** The bug a key names; a clear 400 naming every bug for anything else. */
    static PipelineBug bug(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException("bug", "missing", new Rejection.Field("bug"));
        }
        return Keyed.parse(PipelineBug.class, key.strip()).orElseThrow(() -> new InvalidInputException("bug",
                "one-of", new Rejection.Field("bug"), Keyed.choices(PipelineBug.class)));
    }

    private ComparisonRequest request(PipelineBug bug) {
        String instruction = ObjectiveKind.INSTRUCTION.key();
        String base = LaneSpec.Init.BASE.key();
        return new ComparisonRequest(DATASET, null, properties.steps(), null, null, null, null,
                List.of(new LaneRequest(instruction, null, base), new LaneRequest(instruction, null, base, null,
                        bug.key())));
    }

    /** Starts the bug's mystery run for a learner, or replays or joins it: the queue's own rules apply. */
    Submission start(PipelineBug bug, String address, OwnerSecret owner) {
        return comparisons.submitMystery(request(bug), address, owner);
    }

    @Override
    public List<String> bugs() {
        return KEYS;
    }

    @Override
    public List<String> titles() {
        return KEYS.stream().map(key -> capitalised(wording.page("bug." + key + ".title"))).toList();
    }

    /** A title as an option reads: it starts a sentence in the bundle's lane names, so it starts small there. */
    private static String capitalised(String title) {
        return title.isEmpty() ? title : title.substring(0, 1).toUpperCase(Locale.ROOT) + title.substring(1);
    }

    @Override
    public Evidence observe(String key) {
        ComparisonRequest request = request(bug(key));
        long run = comparisons.latestMysteryId(request).orElseGet(() -> comparisons.submitMystery(request, CLIENT,
                OwnerSecret.generate()).comparison().id());
        return evidence(run);
    }

    @Override
    public Optional<Evidence> finished(String key) {
        return comparisons.latestMysteryId(request(bug(key))).map(this::evidence).filter(Evidence::finished);
    }

    /** A mystery run's symptoms as far as it has got. */
    Evidence evidence(long run) {
        ComparisonView view = comparisons.view(run);
        List<String> labels = view.lanes().stream().map(lane -> wording.page(LaneLabel.of(lane, view.lanes())))
                .toList();
        List<LaneSymptoms> lanes = view.lanes().stream().filter(lane -> !lane.metrics().isEmpty())
                .map(lane -> symptoms(lane, labels.get(lane.index()))).toList();
        List<HeldOutAnswers> answers = GenerationRow.of(view).stream().limit(SHOWN_ANSWERS)
                .map(row -> new HeldOutAnswers(row.prompt(), row.expected(), row.answers().stream()
                        .filter(g -> g != null).map(g -> new LaneAnswer(g.lane(), labels.get(g.lane()),
                                g.generated(), g.correct(), g.stopped())).toList()))
                .toList();
        return new Evidence(view.id(), view.status() == ComparisonStatus.FINISHED,
                view.status() != ComparisonStatus.QUEUED && view.status() != ComparisonStatus.RUNNING, view.stepsDone(),
                view.config().steps(), lanes, answers);
    }

    private static LaneSymptoms symptoms(LaneView lane, String label) {
        MetricPoint first = lane.metrics().get(0);
        MetricPoint last = lane.metrics().get(lane.metrics().size() - 1);
        return new LaneSymptoms(label, last.trainLoss(), first.responseNll(),
                last.responseNll(), first.promptNll(), last.promptNll(), last.exactMatch(), last.stopped(),
                last.drift(), lane.divergedAt());
    }

    @Override
    public Reveal reveal(String key, long run) {
        PipelineBug bug = bug(key);
        ComparisonView view = comparisons.view(run);
        Map<Integer, List<CheckFailure>> failed = measurements.failedChecks(comparisons.require(run).dataId());
        List<CheckedLane> lanes = view.lanes().stream().map(lane -> new CheckedLane(lane.index(),
                wording.page(LaneLabel.of(lane, view.lanes())), failed.getOrDefault(lane.index(), List.of()).stream()
                .map(f -> new FailedCheck(wording.page("check." + f.check().key()), f.firstStep())).toList()))
                .toList();
        Caught caught = view.lanes().stream().filter(LaneView::hiddenBug).flatMap(lane -> failed
                        .getOrDefault(lane.index(), List.of()).stream().filter(f -> f.check() == bug.caughtBy())
                        .map(f -> new Caught(lane.index(), f.firstStep()))).findFirst().orElse(null);
        return new Reveal(bug.key(), wording.page("bug." + bug.key() + ".title"),
                wording.page("bug." + bug.key() + ".how"), wording.page("bug." + bug.key() + ".story"), bug.reports(),
                wording.page("check." + bug.caughtBy().key()), lanes, caught);
    }
}
