package dev.losslens.quiz.authored;

import dev.losslens.notation.Keyed;
import dev.losslens.objective.LossObjective;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.quiz.bank.ChoiceItem;
import dev.losslens.quiz.bank.MarkTargetsItem;
import dev.losslens.quiz.bank.NumericItem;
import dev.losslens.quiz.bank.Option;
import dev.losslens.quiz.bank.Pair;
import dev.losslens.quiz.bank.QuizItem;
import dev.losslens.quiz.bank.TrueFalseItem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Objects;

/**
 * A question as an instructor writes it, in the API, the forms and the database alike. Which fields it uses depends
 * on its kind; the rest are null ({@link QuestionRules#check} clears them).
 *
 * @param kind choice, multiple, true-false, numeric or mark-targets
 * @param title a short name of the instructor's own, for their list and for LMS exports; optional
 * @param text the stem (choice, multiple, numeric) or the statement to judge (true-false); a mark-targets question
 *             states its own task
 * @param options choice and multiple: the options, in the order learners see them
 * @param truth true-false: whether the statement is true
 * @param answer numeric: the right number
 * @param tolerance numeric: how far from the answer still counts as right; 0 (the default) asks for it exactly
 * @param objective mark-targets: the objective whose targets learners mark (pretraining, instruction, weighted)
 * @param lambda mark-targets with the weighted objective: the prompt's weight λ, above 0 and at most 1
 * @param prompt mark-targets: the pair's prompt, tokenized as the model reads it
 * @param response mark-targets: the pair's response
 * @param ifTrue true-false: what a learner who judges the statement true reads; optional
 * @param ifFalse true-false: what a learner who judges it false reads; optional
 * @param feedback what every learner reads after answering; optional
 */
public record Question(@Schema(example = "choice") String kind,
                       @Schema(example = "Which tokens count") String title,
                       @Schema(example = "Under instruction fine-tuning, which tokens carry loss?") String text,
                       List<QuestionOption> options, Boolean truth, Double answer, Double tolerance,
                       @Schema(example = "instruction") String objective, Double lambda, String prompt,
                       String response, String ifTrue, String ifFalse,
                       @Schema(example = "The prompt is read but never scored.") String feedback) {

    /** The kind; only for a question the rules have checked. */
    public QuestionKind questionKind() {
        return Keyed.of(QuestionKind.class, kind);
    }

    /** The question as the quiz asks and grades it, under the given item id and concept. */
    public QuizItem item(String id, String concept) {
        return switch (questionKind()) {
            case CHOICE, MULTIPLE -> new ChoiceItem(id, concept, questionKind() == QuestionKind.CHOICE
                    ? QuizItem.Kind.CHOICE : QuizItem.Kind.MULTIPLE, text, options.stream()
                    .map(option -> new Option(option.text(), Boolean.TRUE.equals(option.correct()),
                            blankIfNull(option.feedback()))).toList(), blankIfNull(feedback));
            case TRUE_FALSE -> new TrueFalseItem(id, concept, text, truth, List.of(), blankIfNull(ifTrue),
                    blankIfNull(ifFalse), blankIfNull(feedback));
            case NUMERIC -> new NumericItem(id, concept, text, answer, Objects.requireNonNullElse(tolerance, 0.0),
                    blankIfNull(feedback));
            case MARK_TARGETS -> new MarkTargetsItem(id, concept, LossObjective.of(Keyed.of(ObjectiveKind.class,
                    objective), lambda == null ? 0 : lambda), new Pair(prompt, response), blankIfNull(feedback));
        };
    }

    /** What the instructor's list calls it: the title, else the text (a mark-targets question: its pair). */
    public String name() {
        if (title != null) {
            return title;
        }
        return text != null ? text : prompt + " → " + response;
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text;
    }
}
