package dev.losslens.training;

import dev.losslens.objective.LossObjective;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** One lane of a comparison: what it optimises and where it starts. */
public record LaneSpec(LossObjective objective, Init init) {

    /** Where a lane's weights start; {@link #key()} is the word the API, the pages and the database use. */
    public enum Init {
        SCRATCH, BASE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Init> parse(String key) {
            return Arrays.stream(values()).filter(init -> init.key().equals(key)).findFirst();
        }

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
