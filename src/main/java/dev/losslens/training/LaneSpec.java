package dev.losslens.training;

import dev.losslens.notation.Keyed;
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
}
