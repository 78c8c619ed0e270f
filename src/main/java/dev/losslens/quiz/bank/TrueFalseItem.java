package dev.losslens.quiz.bank;

import java.util.List;

/** A statement to judge, and the reason to pick for that judgement: right only when both are. */
public record TrueFalseItem(String id, String concept, String statement, boolean answer, List<Option> reasons,
                            String feedback) implements QuizItem {

    @Override
    public Kind kind() {
        return Kind.TRUE_FALSE;
    }

    public int rightReason() {
        for (int i = 0; i < reasons.size(); i++) {
            if (reasons.get(i).correct()) {
                return i;
            }
        }
        throw new IllegalStateException(id + " has no right reason");
    }
}
