package dev.losslens.quiz.bank;

import java.util.List;

/**
 * A statement to judge, and the reason to pick for that judgement: right only when both are. Without reasons (an
 * instructor's question) the judgement alone is graded.
 *
 * @param ifTrue what a learner who judges the statement true reads; blank for nothing
 * @param ifFalse what a learner who judges it false reads; blank for nothing
 * @param feedback what every learner reads after answering
 */
public record TrueFalseItem(String id, String concept, String statement, boolean answer, List<Option> reasons,
                            String ifTrue, String ifFalse, String feedback) implements QuizItem {

    @Override
    public Kind kind() {
        return Kind.TRUE_FALSE;
    }

    /** The right reason's index; -1 when the item asks for no reason. */
    public int rightReason() {
        for (int i = 0; i < reasons.size(); i++) {
            if (reasons.get(i).correct()) {
                return i;
            }
        }
        if (reasons.isEmpty()) {
            return -1;
        }
        throw new IllegalStateException(id + " has no right reason");
    }
}
