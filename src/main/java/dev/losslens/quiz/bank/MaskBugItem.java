package dev.losslens.quiz.bank;

/** A label row for instruction fine-tuning with one planted bug: the learner names the bug and its effect. */
public record MaskBugItem(String id, String concept, Pair pair, MaskBug bug, String feedback) implements QuizItem {

    @Override
    public Kind kind() {
        return Kind.MASK_BUG;
    }
}
