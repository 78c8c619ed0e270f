package dev.losslens.training;

import dev.losslens.notation.Keyed;
import dev.losslens.notation.PlainNumber;
import dev.losslens.objective.LossObjective;

/** One lane of a comparison: what it optimises and where it starts. */
public record LaneSpec(LossObjective objective, Init init) {

    /** Where a lane's weights start. */
    public enum Init implements Keyed {
        SCRATCH, BASE;

        @Override
        public String toString() {
            return key();
        }
    }

    public String label() {
        String what = switch (objective.kind()) {
            case PRETRAINING -> "Pre-training objective";
            case INSTRUCTION -> "Instruction objective";
            case WEIGHTED -> "λ = " + PlainNumber.significant(objective.promptWeight(), 4);
        };
        return what + (init == Init.BASE ? ", from base" : ", from scratch");
    }
}
