package dev.losslens.training;

import dev.losslens.conversation.AnswerSpan;
import dev.losslens.notation.Keyed;
import dev.losslens.objective.LossObjective;

/**
 * One lane of a comparison: what it optimises, which answer tokens count as responses, where it starts, and the
 * mistake its pipeline makes, if any.
 *
 * @param span which assistant tokens of a conversation are response targets (on a pair, only
 *             {@link AnswerSpan#EVERY_TURN_WITHOUT_END} differs: its end-of-text token is not one)
 */
public record LaneSpec(LossObjective objective, AnswerSpan span, Init init, PipelineBug bug) {

    /** A lane whose pipeline is correct. */
    public LaneSpec(LossObjective objective, AnswerSpan span, Init init) {
        this(objective, span, init, null);
    }

    /** Where a lane's weights start. */
    public enum Init implements Keyed {
        SCRATCH, BASE;

        @Override
        public String toString() {
            return key();
        }
    }
}
