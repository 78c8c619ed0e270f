package dev.losslens.comparison;

import dev.losslens.conversation.AnswerSpan;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.training.LaneSpec;
import dev.losslens.training.LaneStatus;
import dev.losslens.training.PipelineBug;

/**
 * A stored lane: what it optimised, where it started and how it ended.
 *
 * @param bug the pipeline bug planted in it, or null
 * @param hasWeights whether its final weights are stored (the explorer can read with them)
 */
public record StoredLane(int index, ObjectiveKind objective, double promptWeight, LaneSpec.Init init,
                         AnswerSpan answerSpan, PipelineBug bug, String label,
                         LaneStatus status, Integer divergedAt, boolean hasWeights) {
}
