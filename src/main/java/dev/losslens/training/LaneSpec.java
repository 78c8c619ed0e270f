package dev.losslens.training;

import dev.losslens.objective.LossObjective;

/** One lane of a comparison: what it optimises and where it starts. */
record LaneSpec(LossObjective objective, Init init) {

    enum Init {
        SCRATCH, BASE;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    String label() {
        String what = switch (objective.kind()) {
            case PRETRAINING -> "Pre-training objective";
            case INSTRUCTION -> "Instruction objective";
            case WEIGHTED -> "λ = " + trim(objective.promptWeight());
        };
        return what + (init == Init.BASE ? ", from base" : ", from scratch");
    }

    private static String trim(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
