package dev.losslens.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.objective.ObjectiveKind;
import dev.losslens.system.words.EnglishWording;
import dev.losslens.system.words.Wording;
import dev.losslens.training.LaneSpec;
import org.junit.jupiter.api.Test;

class LaneLabelTest {

    private static final Wording WORDING = EnglishWording.of("messages/runs");

    private static String label(double lambda) {
        return WORDING.api(LaneLabel.of(ObjectiveKind.WEIGHTED, lambda, LaneSpec.Init.BASE));
    }

    @Test
    void lambdaReadsAsAPersonWritesItHoweverSmall() {
        assertThat(label(0.1)).isEqualTo("λ = 0.1, from base");
        assertThat(label(0.0003)).isEqualTo("λ = 0.0003, from base");
        assertThat(label(1)).isEqualTo("λ = 1, from base");
        assertThat(label(1e-300)).isEqualTo("λ = 1E-300, from base");
        assertThat(label(0.123456789)).isEqualTo("λ = 0.1235, from base");
        assertThat(label(Double.MIN_VALUE)).hasSizeLessThan(100);
    }

    @Test
    void theObjectivesAndStartsReadAsTheyAreStored() {
        assertThat(WORDING.api(LaneLabel.of(ObjectiveKind.PRETRAINING, 1, LaneSpec.Init.BASE)))
                .isEqualTo("Pre-training objective, from base");
        assertThat(WORDING.api(LaneLabel.of(ObjectiveKind.INSTRUCTION, 0, LaneSpec.Init.SCRATCH)))
                .isEqualTo("Instruction objective, from scratch");
    }
}
