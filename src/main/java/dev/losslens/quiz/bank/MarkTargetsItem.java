package dev.losslens.quiz.bank;

import dev.losslens.objective.LossObjective;

/** The pair as token chips: the learner marks the tokens that carry loss under the objective. */
public record MarkTargetsItem(String id, String concept, LossObjective objective, Pair pair, String feedback)
        implements QuizItem {

    @Override
    public Kind kind() {
        return Kind.MARK_TARGETS;
    }
}
