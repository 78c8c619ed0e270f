package dev.losslens.quiz;

import dev.losslens.objective.LossTotals;
import dev.losslens.quiz.Grade.WorkedToken;
import dev.losslens.system.InvalidInputException;
import dev.losslens.system.Rejection;
import dev.losslens.system.NotFoundException;
import dev.losslens.text.TokenizedExample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/** Shows an item's variant to a learner and grades answers on the server, against the real model and objectives. */
@Service
public class QuizService {

    static final int MAX_CHOICES = 20;

    private static final List<String> YES_NO = List.of("Yes", "No");

    private final QuizBank bank;
    private final Exercises exercises;
    private final PresetRuns runs;

    QuizService(QuizBank bank, Exercises exercises, PresetRuns runs) {
        this.bank = bank;
        this.exercises = exercises;
        this.runs = runs;
    }

    public QuizItem item(String id) {
        return bank.item(id).orElseThrow(() -> new NotFoundException("item", "quiz.unknown-item", id));
    }

    /** The variant a learner gets: always the same one for the same learner. */
    public static int variantFor(QuizItem item, Learner learner) {
        return Math.floorMod((learner.hash() + ":" + item.id()).hashCode(), item.variants());
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
                    "Mark every token that carries loss under " + Exercises.describe(mark.objective()) + ".",
                    List.of(), List.of(), exercises.chips(exercises.example(mark.pair()), null), null);
        }
        if (item instanceof PredictItem predict) {
            return new ItemView(item.id(), item.concept(), kind, variant, predict.stem(), options(predict), List.of(),
                    List.of(), null);
        }
        if (item instanceof MaskBugItem bug) {
            return new ItemView(item.id(), item.concept(), kind, variant, "These labels were written for instruction "
                    + "fine-tuning in the HuggingFace convention: the label at position t is the token at t itself, or "
                    + "−100 where a target is ignored, and the model shifts the labels by one inside its loss, so "
                    + "position t − 1 is scored on label t. One bug is planted. Which bug is it, and what does it do to "
                    + "the model?",
                    Arrays.stream(MaskBug.values()).map(MaskBug::title).toList(),
                    MaskBug.effects(), exercises.labelled(bug), null);
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
            return markTargets(mark, answer);
        }
        if (item instanceof MaskBugItem bug) {
            return maskBug(bug, answer);
        }
        if (item instanceof PredictItem predict) {
            return predict(predict, answer);
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
            return "True or false: " + judged.statement();
        }
        if (item instanceof PredictItem predict) {
            return predict.stem();
        }
        if (item instanceof MarkTargetsItem mark) {
            return "Mark the targets under %s: %s".formatted(Exercises.describe(mark.objective()), pair(mark.pair()));
        }
        if (item instanceof MaskBugItem bug) {
            return "Find the bug planted in the labels of " + pair(bug.pair());
        }
        ComputeLossItem compute = (ComputeLossItem) item;
        return "Compute the %s loss under %s: %s".formatted(
                compute.quantity() == ComputeLossItem.Quantity.MEAN ? "mean" : "summed",
                Exercises.describe(exercises.objective(compute, variant)), pair(compute.pair(variant)));
    }

    private static String pair(Pair pair) {
        return "“%s” → “%s”".formatted(pair.prompt(), pair.response());
    }

    private String task(ComputeLossItem item, int variant) {
        String quantity = item.quantity() == ComputeLossItem.Quantity.MEAN
                ? "the mean loss per counted token (Σ w·nll / Σ w)" : "the summed loss (Σ w·nll)";
        return "Using the pre-trained base's per-token losses below, compute %s of this pair under %s. Answer within ±%s."
                .formatted(quantity, Exercises.describe(exercises.objective(item, variant)),
                        Exercises.number(item.tolerance()));
    }

    private static void requireVariant(QuizItem item, int variant) {
        if (variant < 0 || variant >= item.variants()) {
            throw new InvalidInputException("variant", "quiz.variant", item.variants() - 1, item.id());
        }
    }

    private static Grade choice(ChoiceItem item, Answer answer) {
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
        String missed = item.kind() == QuizItem.Kind.CHOICE ? "The right answer: “%s” — %s" : "Also right: “%s” — %s";
        right.stream().filter(i -> !chosen.contains(i)).forEach(i -> feedback.add(missed
                .formatted(item.options().get(i).text(), item.options().get(i).feedback())));
        return new Grade(chosen.equals(new HashSet<>(right)), feedback,
                new Answer(right, null, null, null, null, 0), List.of());
    }

    private static Grade trueFalse(TrueFalseItem item, Answer answer) {
        if (answer.truth() == null) {
            throw new InvalidInputException("truth", "quiz.choose-truth");
        }
        int reason = index(answer.reason(), item.reasons().size(), "reason");
        boolean correct = answer.truth() == item.answer() && reason == item.rightReason();
        List<String> feedback = new ArrayList<>();
        feedback.add(answer.truth() == item.answer() ? "The statement is indeed " + item.answer() + "."
                : "The statement is " + item.answer() + ".");
        feedback.add(item.reasons().get(reason).feedback());
        feedback.add(item.feedback());
        return new Grade(correct, feedback, new Answer(null, item.answer(), item.rightReason(), null, null, 0), List.of());
    }

    private List<String> options(PredictItem item) {
        return item.outcome().lanesAreOptions() ? runs.lanes(item.preset()) : YES_NO;
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
            throw new RunNotFinishedException(run);
        }
        int right = item.outcome().right(run);
        List<String> feedback = new ArrayList<>();
        feedback.add((chosen.contains(right) ? "Your prediction matches run #%d: %s." : "Run #%d shows: %s.")
                .formatted(run.run(), options.get(right)));
        run.lanes().forEach(lane -> feedback.add(("%s: held-out response NLL %s, prompt NLL %s → %s, exact match "
                + "%s %%, drift %s.").formatted(lane.label(), Exercises.number(lane.responseNll()),
                Exercises.number(lane.firstPromptNll()), Exercises.number(lane.lastPromptNll()),
                Exercises.number(100 * lane.exactMatch()), Exercises.number(lane.drift()))));
        feedback.add(item.feedback());
        return new Grade(chosen.contains(right), feedback, new Answer(List.of(right), null, null, null, null, 0),
                List.of(), item.outcome().observed(run));
    }

    private static Grade maskBug(MaskBugItem item, Answer answer) {
        MaskBug[] bugs = MaskBug.values();
        Set<Integer> chosen = indexes(answer.choices(), bugs.length, "choices");
        if (chosen.size() != 1) {
            throw new InvalidInputException("choices", "quiz.choose-bug");
        }
        MaskBug named = bugs[chosen.iterator().next()];
        String effect = MaskBug.effects().get(index(answer.reason(), MaskBug.effects().size(), "reason"));
        boolean rightEffect = effect.equals(item.bug().effect());
        List<String> feedback = new ArrayList<>();
        feedback.add(named == item.bug() ? "Right bug: " + named.title() + "."
                : "Not that one: the bug is “" + item.bug().title() + "”.");
        feedback.add((rightEffect ? "Right effect: " : "Its effect: ") + item.bug().effect());
        feedback.add(item.feedback());
        boolean correct = named == item.bug() && rightEffect;
        return new Grade(correct, feedback, new Answer(List.of(item.bug().ordinal()), null,
                MaskBug.effects().indexOf(item.bug().effect()), null, null, 0), List.of());
    }

    private Grade markTargets(MarkTargetsItem item, Answer answer) {
        TokenizedExample example = exercises.example(item.pair());
        Set<Integer> marked = indexes(answer.positions(), example.length(), "positions");
        double[] weights = item.objective().targetWeights(example);
        Set<Integer> targets = new TreeSet<>();
        List<WorkedToken> worked = new ArrayList<>();
        for (int t = 0; t < example.length(); t++) {
            if (t > 0 && weights[t] > 0) {
                targets.add(t);
            }
            worked.add(new WorkedToken(t, exercises.text(example, t), example.role(t).key(), t == 0 ? 0 : weights[t],
                    null, marked.contains(t)));
        }
        List<String> feedback = new ArrayList<>();
        Set<Integer> missed = new TreeSet<>(targets);
        missed.removeAll(marked);
        Set<Integer> extra = new TreeSet<>(marked);
        extra.removeAll(targets);
        if (!missed.isEmpty()) {
            feedback.add("Targets you did not mark: " + positions(example, missed) + ".");
        }
        if (!extra.isEmpty()) {
            feedback.add("Marked but not targets: " + positions(example, extra) + ".");
        }
        feedback.add(item.feedback());
        return new Grade(missed.isEmpty() && extra.isEmpty(), feedback,
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
        String sum = "Σ w·nll = %s over %d counted targets, Σ w = %s".formatted(Exercises.number(totals.sum()),
                totals.count(), Exercises.number(totals.weightTotal()));
        List<String> feedback = List.of(
                item.quantity() == ComputeLossItem.Quantity.MEAN
                        ? sum + "; mean = %s.".formatted(Exercises.number(totals.mean())) : sum + ".",
                "Your answer %s is %s the right value %s (tolerance ±%s).".formatted(Exercises.number(value),
                        Math.abs(value - expected) <= item.tolerance() ? "within" : "not within",
                        Exercises.number(expected), Exercises.number(item.tolerance())),
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

    private String positions(TokenizedExample example, Set<Integer> positions) {
        return String.join(", ", positions.stream()
                .map(t -> "%d “%s”".formatted(t, Chip.visible(exercises.text(example, t)))).toList());
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
