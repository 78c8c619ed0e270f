package dev.losslens.training;

import dev.losslens.keyed.Keyed;
import dev.losslens.objective.LossObjective;
import java.math.BigDecimal;
import java.math.MathContext;

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
            case WEIGHTED -> "λ = " + readable(objective.promptWeight());
        };
        return what + (init == Init.BASE ? ", from base" : ", from scratch");
    }

    /** λ as a person writes it: 0.1, 0.0003 or 1E-12, at most four significant digits. */
    private static String readable(double lambda) {
        BigDecimal rounded = new BigDecimal(lambda, new MathContext(4)).stripTrailingZeros();
        return rounded.scale() > 6 ? rounded.toString() : rounded.toPlainString();
    }
}
