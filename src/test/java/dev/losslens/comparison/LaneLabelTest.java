package dev.losslens.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.conversation.AnswerSpan;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.system.words.EnglishWording;
import dev.losslens.system.words.Wording;
import dev.losslens.training.LaneSpec;
import org.junit.jupiter.api.Test;

class LaneLabelTest {

    private static final Wording WORDING = EnglishWording.of("messages/runs");

    private static String label(double lambda) {
        return WORDING.api(LaneLabel.of(ObjectiveKind.WEIGHTED, lambda, LaneSpec.Init.BASE, AnswerSpan.EVERY_TURN));
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
        assertThat(WORDING.api(LaneLabel.of(ObjectiveKind.PRETRAINING, 1, LaneSpec.Init.BASE, AnswerSpan.LAST_TURN)))
                .isEqualTo("Pre-training objective, from base");
        assertThat(WORDING.api(LaneLabel.of(ObjectiveKind.INSTRUCTION, 0, LaneSpec.Init.SCRATCH,
                AnswerSpan.EVERY_TURN))).isEqualTo("Instruction objective, from scratch");
        assertThat(WORDING.api(LaneLabel.of(ObjectiveKind.INSTRUCTION, 0, LaneSpec.Init.SCRATCH, AnswerSpan.LAST_TURN)))
                .isEqualTo("Instruction objective, last assistant turn, from scratch");
        assertThat(WORDING.api(LaneLabel.of(ObjectiveKind.WEIGHTED, 0.1, LaneSpec.Init.BASE,
                AnswerSpan.EVERY_TURN_WITHOUT_END))).isEqualTo("λ = 0.1, assistant turns without their end, from base");
    }
}
