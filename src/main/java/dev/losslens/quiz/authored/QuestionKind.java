package dev.losslens.quiz.authored;

import dev.losslens.notation.Keyed;
import dev.losslens.quiz.bank.QuizItem;

/** The kinds of question an instructor writes; {@link #key()} is the word the API, the forms and the database use. */
public enum QuestionKind implements Keyed {
    CHOICE, MULTIPLE, TRUE_FALSE, NUMERIC, MARK_TARGETS;

    /** Whether learners answer it by picking options the instructor wrote. */
    public boolean hasOptions() {
        return this == CHOICE || this == MULTIPLE;
    }

    /** The kind of quiz item it is asked as. */
    public QuizItem.Kind quizKind() {
        return QuizItem.Kind.valueOf(name());
    }

    /** Whether it has text of its own: every kind but mark-the-targets, whose task the app states. */
    public boolean hasText() {
        return this != MARK_TARGETS;
    }
}
