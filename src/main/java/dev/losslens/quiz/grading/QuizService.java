package dev.losslens.quiz.grading;

import static dev.losslens.system.words.Wording.sentence;

import dev.losslens.conversation.StackSetting;
import dev.losslens.notation.PlainNumber;
import dev.losslens.objective.LossObjective;
import dev.losslens.objective.LossTotals;
import dev.losslens.quiz.authored.AuthoredQuestions;
import dev.losslens.quiz.bank.BugZoo;
import dev.losslens.quiz.bank.ChoiceItem;
import dev.losslens.quiz.bank.ComputeLossItem;
import dev.losslens.quiz.bank.DiagnoseItem;
import dev.losslens.quiz.bank.MarkTargetsItem;
import dev.losslens.quiz.bank.MarkTrainedItem;
import dev.losslens.quiz.bank.MaskBug;
import dev.losslens.quiz.bank.MaskBugItem;
import dev.losslens.quiz.bank.NumericItem;
import dev.losslens.quiz.bank.Option;
import dev.losslens.quiz.bank.Pair;
import dev.losslens.quiz.bank.PredictItem;
import dev.losslens.quiz.bank.PresetRuns;
import dev.losslens.quiz.bank.QuizBank;
import dev.losslens.quiz.bank.QuizItem;
import dev.losslens.quiz.bank.TrueFalseItem;
import dev.losslens.quiz.grading.Grade.WorkedToken;
import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.NotFoundException;
import dev.losslens.system.rejection.Rejection;
import dev.losslens.system.words.Wording;
import dev.losslens.text.TokenizedExample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Service;

/** Shows an item's variant to a learner and grades answers on the server, against the real model and objectives. */
@Service
public class QuizService {

    static final int MAX_CHOICES = 20;

    private final QuizBank bank;
    private final AuthoredQuestions authored;
    private final Exercises exercises;
    private final PresetRuns runs;
    private final BugZoo zoo;
    private final Wording words;

    /** Its sentences are the bundle's {@code quiz.*}, in the reader's language (the API's is English). */
    QuizService(QuizBank bank, AuthoredQuestions authored, Exercises exercises, PresetRuns runs, BugZoo zoo,
                Wording words) {
        this.bank = bank;
        this.authored = authored;
        this.exercises = exercises;
        this.runs = runs;
        this.zoo = zoo;
        this.words = words;
    }

    /** A bundled item, or an instructor's question read from the database (so every replica asks the same). */
    public QuizItem item(String id) {
        return bank.item(id).or(() -> authored.item(id))
                .orElseThrow(() -> new NotFoundException("item", "quiz.unknown-item", id));
    }

    public ItemView view(QuizItem item, int variant) {
        requireVariant(item, variant);
        String kind = item.kind().key();
        if (item instanceof ChoiceItem choice) {
            return new ItemView(item.id(), item.concept(), kind, variant, choice.stem(),
                    choice.options().stream().map(Option::text).toList(), List.of(), List.of(), null);
        }
        if (item instanceof TrueFalseItem judged) {
            return new ItemView(item.id(), item.concept(), kind, variant, judged.statement(),
                    judged.reasons().stream().map(Option::text).toList(), List.of(), List.of(), null);
        }
        if (item instanceof MarkTargetsItem mark) {
            return new ItemView(item.id(), item.concept(), kind, variant,
                    words.page("quiz.mark.task", describe(mark.objective())),
                    List.of(), List.of(), exercises.chips(exercises.example(mark.pair()), null), null);
        }
        if (item instanceof MarkTrainedItem trained) {
            return new ItemView(item.id(), item.concept(), kind, variant,
                    words.page("quiz.trained.task", describe(trained.setting()), trained.template()),
                    List.of(), List.of(), Exercises.chips(trained.conversation()), null);
        }
        if (item instanceof PredictItem predict) {
            return new ItemView(item.id(), item.concept(), kind, variant, predict.stem(), options(predict), List.of(),
                    List.of(), null);
        }
        if (item instanceof NumericItem numeric) {
            return new ItemView(item.id(), item.concept(), kind, variant, numeric.stem(), List.of(), List.of(),
                    List.of(), numeric.tolerance());
        }
        if (item instanceof DiagnoseItem diagnose) {
            BugZoo.Evidence run = zoo.observe(diagnose.bug());
            return new ItemView(item.id(), item.concept(), kind, variant, words.page("quiz.diagnose.task", run.run()),
                    zoo.titles(), List.of(), List.of(), null, run);
        }
        if (item instanceof MaskBugItem bug) {
            return new ItemView(item.id(), item.concept(), kind, variant, words.page("quiz.bug.task"),
                    Arrays.stream(MaskBug.values()).map(this::title).toList(),
                    MaskBug.effects().stream().map(this::effect).toList(), exercises.labelled(bug), null);
        }
        ComputeLossItem compute = (ComputeLossItem) item;
        return new ItemView(item.id(), item.concept(), kind, variant, task(compute, variant), List.of(), List.of(),
                exercises.chips(exercises.example(compute.pair(variant)), exercises.losses(compute, variant)),
                compute.tolerance());
    }

    public Grade grade(QuizItem item, int variant, Answer answer) {
        requireVariant(item, variant);
        if (item instanceof ChoiceItem choice) {
            return choice(choice, answer);
        }
        if (item instanceof TrueFalseItem judged) {
            return trueFalse(judged, answer);
        }
        if (item instanceof MarkTargetsItem mark) {
            TokenizedExample example = exercises.example(mark.pair());
            return marks(exercises.chips(example, null), mark.objective().targetWeights(example), answer,
                    List.of(mark.feedback()));
        }
        if (item instanceof MarkTrainedItem trained) {
            double[] weights = new double[trained.conversation().length()];
            trained.trained().forEach(t -> weights[t] = 1);
            return marks(Exercises.chips(trained.conversation()), weights, answer, List.of(trained.feedback(),
                    words.page("quiz.trained.source", describe(trained.setting()), trained.setting().source())));
        }
        if (item instanceof MaskBugItem bug) {
            return maskBug(bug, answer);
        }
        if (item instanceof PredictItem predict) {
            return predict(predict, answer);
        }
        if (item instanceof NumericItem numeric) {
            return numeric(numeric, answer);
        }
        if (item instanceof DiagnoseItem diagnose) {
            return diagnose(diagnose, answer);
        }
        return computeLoss((ComputeLossItem) item, variant, answer);
    }

    /** What the item asks, in one line, for a list of questions: a token item says its task and names its pair. */
    public String summary(QuizItem item, int variant) {
        requireVariant(item, variant);
        if (item instanceof ChoiceItem choice) {
            return choice.stem();
        }
        if (item instanceof TrueFalseItem judged) {
            return words.page("quiz.summary.true-false", judged.statement());
        }
        if (item instanceof PredictItem predict) {
            return predict.stem();
        }
        if (item instanceof NumericItem numeric) {
            return numeric.stem();
        }
        if (item instanceof MarkTargetsItem mark) {
            return words.page("quiz.summary.mark", describe(mark.objective()), pair(mark.pair()));
        }
        if (item instanceof MarkTrainedItem trained) {
            return words.page("quiz.summary.trained", describe(trained.setting()), trained.template());
        }
        if (item instanceof MaskBugItem bug) {
            return words.page("quiz.summary.bug", pair(bug.pair()));
        }
        if (item instanceof DiagnoseItem) {
            // numbered among the bank's diagnoses: their summaries must differ without naming their bugs
            List<String> diagnoses = bank.items().stream().filter(DiagnoseItem.class::isInstance).map(QuizItem::id)
                    .toList();
            return words.page("quiz.summary.diagnose", diagnoses.indexOf(item.id()) + 1, diagnoses.size());
        }
        ComputeLossItem compute = (ComputeLossItem) item;
        return words.page(compute.quantity() == ComputeLossItem.Quantity.MEAN ? "quiz.summary.mean" : "quiz.summary.sum",
                describe(exercises.objective(compute, variant)), pair(compute.pair(variant)));
    }

    private static MessageSourceResolvable pair(Pair pair) {
        return sentence("quiz.pair", pair.prompt(), pair.response());
    }

    /** The objective in words: "the pre-training objective", "the λ-weighted objective with λ = 0.1". */
    private static MessageSourceResolvable describe(LossObjective objective) {
        return sentence("quiz.objective." + objective.kind().key(), Exercises.number(objective.promptWeight()));
    }

    /** A stack's setting in words: "TRL with assistant_only_loss=True". */
    private static MessageSourceResolvable describe(StackSetting setting) {
        return sentence("quiz.setting", sentence("quiz.stack." + setting.stack().key()), setting.setting());
    }

    private String title(MaskBug bug) {
        return words.page("quiz.bug." + bug.key());
    }

    private String effect(String effect) {
        return words.page("quiz.effect." + effect);
    }

    private String task(ComputeLossItem item, int variant) {
        return words.page("quiz.compute.task", sentence(item.quantity() == ComputeLossItem.Quantity.MEAN
                        ? "quiz.compute.mean" : "quiz.compute.sum"), describe(exercises.objective(item, variant)),
                Exercises.number(item.tolerance()));
    }

    private static void requireVariant(QuizItem item, int variant) {
        if (variant < 0 || variant >= item.variants()) {
            throw new InvalidInputException("variant", "quiz.variant", item.variants() - 1, item.id());
        }
    }

    private Grade choice(ChoiceItem item, Answer answer) {
        Set<Integer> chosen = indexes(answer.choices(), item.options().size(), "choices");
        if (chosen.isEmpty()) {
            throw new InvalidInputException("choices", "quiz.choose-some");
        }
        if (item.kind() == QuizItem.Kind.CHOICE && chosen.size() != 1) {
            throw new InvalidInputException("choices", "quiz.choose-one");
        }
        List<Integer> right = item.rightOptions();
        List<String> feedback = new ArrayList<>();
        chosen.forEach(i -> feedback.add(item.options().get(i).feedback()));
        // one right option is "the" answer; of several, the ones not chosen are "also" right
        String missed = item.kind() == QuizItem.Kind.CHOICE ? "quiz.choice.right" : "quiz.choice.also";
        right.stream().filter(i -> !chosen.contains(i)).forEach(i -> feedback.add(item.options().get(i).feedback()
                .isBlank() ? words.page(missed + "-alone", item.options().get(i).text())
                : words.page(missed, item.options().get(i).text(), item.options().get(i).feedback())));
        feedback.add(item.feedback());
        return new Grade(chosen.equals(new HashSet<>(right)), written(feedback),
                new Answer(right, null, null, null, null, 0), List.of());
    }

    private Grade trueFalse(TrueFalseItem item, Answer answer) {
        if (answer.truth() == null) {
            throw new InvalidInputException("truth", "quiz.choose-truth");
        }
        // an instructor's statement asks for no reason; the bank's always do
        boolean reasoned = !item.reasons().isEmpty();
        int reason = reasoned ? index(answer.reason(), item.reasons().size(), "reason") : -1;
        boolean correct = answer.truth() == item.answer() && reason == item.rightReason();
        List<String> feedback = new ArrayList<>();
        feedback.add(words.page(answer.truth() == item.answer() ? "quiz.true-false.indeed" : "quiz.true-false.is",
                sentence("quiz." + item.answer())));
        feedback.add(answer.truth() ? item.ifTrue() : item.ifFalse());
        if (reasoned) {
            feedback.add(item.reasons().get(reason).feedback());
        }
        feedback.add(item.feedback());
        return new Grade(correct, written(feedback), new Answer(null, item.answer(),
                reasoned ? item.rightReason() : null, null, null, 0), List.of());
    }

    private Grade numeric(NumericItem item, Answer answer) {
        Double value = answer.value();
        if (value == null || !Double.isFinite(value)) {
            throw new InvalidInputException("value", "finite", new Rejection.Field("value"));
        }
        // a typed 3.15 is within 0.01 of 3.14, though the doubles' difference is a hair above it
        double slack = 1e-12 * Math.max(1, Math.max(Math.abs(value), Math.abs(item.answer())));
        boolean within = Math.abs(value - item.answer()) <= item.tolerance() + slack;
        String verdict = item.tolerance() == 0 ? within ? "quiz.numeric.exact" : "quiz.numeric.not-exact"
                : within ? "quiz.compute.within" : "quiz.compute.not-within";
        List<String> feedback = List.of(words.page(verdict, PlainNumber.of(value), PlainNumber.of(item.answer()),
                PlainNumber.of(item.tolerance())), item.feedback());
        return new Grade(within, written(feedback), new Answer(null, null, null, null, item.answer(), 0), List.of());
    }

    /** The feedback lines that say something: an instructor may leave any of them blank. */
    private static List<String> written(List<String> feedback) {
        return feedback.stream().filter(line -> line != null && !line.isBlank()).toList();
    }

    private List<String> options(PredictItem item) {
        return item.outcome().lanesAreOptions() ? runs.lanes(item.preset())
                : List.of(words.page("quiz.yes"), words.page("quiz.no"));
    }

    /** Graded only against a finished run of the preset; until then the learner is told how far it has got. */
    private Grade predict(PredictItem item, Answer answer) {
        List<String> options = options(item);
        Set<Integer> chosen = indexes(answer.choices(), options.size(), "choices");
        if (chosen.size() != 1) {
            throw new InvalidInputException("choices", "quiz.choose-one");
        }
        PresetRuns.Observation run = runs.observe(item.preset());
        if (!run.finished()) {
            throw new RunNotFinishedException(run.run(), run.stepsDone(), run.steps());
        }
        int right = item.outcome().right(run);
        List<String> feedback = new ArrayList<>();
        feedback.add(words.page(chosen.contains(right) ? "quiz.predict.matches" : "quiz.predict.shows", run.run(),
                options.get(right)));
        run.lanes().forEach(lane -> feedback.add(words.page("quiz.predict.lane", lane.label(),
                Exercises.number(lane.responseNll()), Exercises.number(lane.firstPromptNll()),
                Exercises.number(lane.lastPromptNll()), Exercises.number(100 * lane.exactMatch()),
                Exercises.number(lane.drift()))));
        feedback.add(item.feedback());
        return new Grade(chosen.contains(right), feedback, new Answer(List.of(right), null, null, null, null, 0),
                List.of(), observed(item.outcome(), run), null);
    }

    /**
     * Graded only once the bug's mystery run has finished, so that the learner has seen all its symptoms; the feedback
     * tells the bug in full with the checks the run's lanes failed.
     */
    private Grade diagnose(DiagnoseItem item, Answer answer) {
        List<String> titles = zoo.titles();
        Set<Integer> chosen = indexes(answer.choices(), titles.size(), "choices");
        if (chosen.size() != 1) {
            throw new InvalidInputException("choices", "quiz.choose-one");
        }
        BugZoo.Evidence run = zoo.observe(item.bug());
        if (!run.finished()) {
            throw new RunNotFinishedException(run.run(), run.stepsDone(), run.steps());
        }
        int right = zoo.bugs().indexOf(item.bug());
        List<String> feedback = List.of(words.page(chosen.contains(right) ? "quiz.diagnose.right"
                : "quiz.diagnose.wrong", titles.get(right)), item.feedback());
        return new Grade(chosen.contains(right), written(feedback), new Answer(List.of(right), null, null, null, null,
                0), List.of(), null, zoo.reveal(item.bug(), run.run()));
    }

    /** The run's lanes on the metric the outcome is read from. */
    private Grade.ObservedRun observed(PredictItem.Outcome outcome, PresetRuns.Observation run) {
        List<Grade.Bar> bars = run.lanes().stream().map(lane -> new Grade.Bar(lane.label(), outcome.start(lane),
                outcome.end(lane))).toList();
        double largest = bars.stream().mapToDouble(bar -> Math.max(bar.end(), bar.start() == null ? 0 : bar.start()))
                .max().orElse(0);
        return new Grade.ObservedRun(run.run(), words.page("quiz.outcome." + outcome.key()), largest, bars);
    }

    private Grade maskBug(MaskBugItem item, Answer answer) {
        MaskBug[] bugs = MaskBug.values();
        Set<Integer> chosen = indexes(answer.choices(), bugs.length, "choices");
        if (chosen.size() != 1) {
            throw new InvalidInputException("choices", "quiz.choose-bug");
        }
        MaskBug named = bugs[chosen.iterator().next()];
        String effect = MaskBug.effects().get(index(answer.reason(), MaskBug.effects().size(), "reason"));
        boolean rightEffect = effect.equals(item.bug().effect());
        List<String> feedback = new ArrayList<>();
        feedback.add(words.page(named == item.bug() ? "quiz.bug.right" : "quiz.bug.wrong", title(item.bug())));
        feedback.add(words.page(rightEffect ? "quiz.bug.right-effect" : "quiz.bug.its-effect",
                effect(item.bug().effect())));
        feedback.add(item.feedback());
        boolean correct = named == item.bug() && rightEffect;
        return new Grade(correct, feedback, new Answer(List.of(item.bug().ordinal()), null,
                MaskBug.effects().indexOf(item.bug().effect()), null, null, 0), List.of());
    }

    /**
     * A marking of tokens against its key: the targets are the positions after the first with a weight above 0.
     *
     * @param feedback the item's own lines, after what was missed and what was marked besides
     */
    private Grade marks(List<Chip> chips, double[] weights, Answer answer, List<String> feedback) {
        Set<Integer> marked = indexes(answer.positions(), chips.size(), "positions");
        Set<Integer> targets = new TreeSet<>();
        List<WorkedToken> worked = new ArrayList<>();
        for (Chip chip : chips) {
            int t = chip.position();
            double weight = t == 0 ? 0 : weights[t];
            if (weight > 0) {
                targets.add(t);
            }
            worked.add(new WorkedToken(t, chip.text(), chip.role(), weight, null, marked.contains(t)));
        }
        List<String> lines = new ArrayList<>();
        Set<Integer> missed = new TreeSet<>(targets);
        missed.removeAll(marked);
        Set<Integer> extra = new TreeSet<>(marked);
        extra.removeAll(targets);
        if (!missed.isEmpty()) {
            lines.add(words.page("quiz.mark.missed", positions(chips, missed)));
        }
        if (!extra.isEmpty()) {
            lines.add(words.page("quiz.mark.extra", positions(chips, extra)));
        }
        lines.addAll(feedback);
        return new Grade(missed.isEmpty() && extra.isEmpty(), written(lines),
                new Answer(null, null, null, List.copyOf(targets), null, 0), worked);
    }

    private Grade computeLoss(ComputeLossItem item, int variant, Answer answer) {
        Double value = answer.value();
        if (value == null || !Double.isFinite(value)) {
            throw new InvalidInputException("value", "finite", new Rejection.Field("value"));
        }
        TokenizedExample example = exercises.example(item.pair(variant));
        double[] nll = exercises.losses(item, variant);
        double[] weights = exercises.objective(item, variant).targetWeights(example);
        LossTotals totals = LossTotals.of(nll, weights);
        double expected = rightValue(item, totals);
        List<WorkedToken> worked = new ArrayList<>();
        for (int t = 1; t < example.length(); t++) {
            worked.add(new WorkedToken(t, exercises.text(example, t), example.role(t).key(), weights[t], nll[t],
                    weights[t] > 0));
        }
        List<String> feedback = List.of(
                words.page(item.quantity() == ComputeLossItem.Quantity.MEAN ? "quiz.compute.sums-mean"
                                : "quiz.compute.sums", Exercises.number(totals.sum()), totals.count(),
                        Exercises.number(totals.weightTotal()), Exercises.number(totals.mean())),
                words.page(Math.abs(value - expected) <= item.tolerance() ? "quiz.compute.within"
                                : "quiz.compute.not-within", Exercises.number(value), Exercises.number(expected),
                        Exercises.number(item.tolerance())),
                item.feedback());
        return new Grade(Math.abs(value - expected) <= item.tolerance(), feedback,
                new Answer(null, null, null, null, expected, variant), worked);
    }

    /** The right answer of a compute-loss variant, from the losses exactly as the learner sees them. */
    public double rightValue(ComputeLossItem item, int variant) {
        requireVariant(item, variant);
        TokenizedExample example = exercises.example(item.pair(variant));
        return rightValue(item, LossTotals.of(exercises.losses(item, variant),
                exercises.objective(item, variant).targetWeights(example)));
    }

    private static double rightValue(ComputeLossItem item, LossTotals totals) {
        return item.quantity() == ComputeLossItem.Quantity.MEAN ? totals.mean() : totals.sum();
    }

    private static Wording.Listed positions(List<Chip> chips, Set<Integer> positions) {
        return new Wording.Listed(positions.stream().map(t -> sentence("quiz.mark.position", t,
                chips.get(t).shown())).toList(), "list.comma");
    }

    private static Set<Integer> indexes(List<Integer> given, int size, String field) {
        if (given == null) {
            throw new InvalidInputException(field, "missing", new Rejection.Field(field));
        }
        if (given.size() > Math.max(size, MAX_CHOICES)) {
            throw new InvalidInputException(field, "quiz.too-many", new Rejection.Field(field), given.size(), size);
        }
        Set<Integer> chosen = new TreeSet<>();
        for (Integer index : given) {
            chosen.add(index(index, size, field));
        }
        return chosen;
    }

    private static int index(Integer index, int size, String field) {
        if (index == null || index < 0 || index >= size) {
            throw new InvalidInputException(field, "range", new Rejection.Field(field), 0, size - 1);
        }
        return index;
    }
}
