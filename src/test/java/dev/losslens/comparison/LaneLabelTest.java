package dev.losslens.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.comparison.ComparisonConfig.LaneConfig;
import dev.losslens.conversation.AnswerSpan;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.system.words.EnglishWording;
import dev.losslens.system.words.Wording;
import dev.losslens.training.LaneSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaneLabelTest {

    private static final Wording WORDING = EnglishWording.of("messages/runs");

    private static String label(double lambda) {
        return WORDING.api(LaneLabel.of(ObjectiveKind.WEIGHTED, lambda, LaneSpec.Init.BASE, AnswerSpan.EVERY_TURN, false));
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
        assertThat(WORDING.api(LaneLabel.of(ObjectiveKind.PRETRAINING, 1, LaneSpec.Init.BASE, AnswerSpan.LAST_TURN, false)))
                .isEqualTo("Pre-training objective, from base");
        assertThat(WORDING.api(LaneLabel.of(ObjectiveKind.INSTRUCTION, 0, LaneSpec.Init.SCRATCH,
                AnswerSpan.EVERY_TURN, false))).isEqualTo("Instruction objective, from scratch");
        assertThat(WORDING.api(LaneLabel.of(ObjectiveKind.INSTRUCTION, 0, LaneSpec.Init.SCRATCH, AnswerSpan.LAST_TURN, false)))
                .isEqualTo("Instruction objective, last assistant turn, from scratch");
        assertThat(WORDING.api(LaneLabel.of(ObjectiveKind.WEIGHTED, 0.1, LaneSpec.Init.BASE,
                AnswerSpan.EVERY_TURN_WITHOUT_END, false))).isEqualTo("λ = 0.1, assistant turns without their end, from base");
    }

    @Test
    void everyTurnIsNamedWhenAnotherLaneOfTheRunTrainsAnotherSpan() {
        LaneConfig every = new LaneConfig(ObjectiveKind.INSTRUCTION, 0, LaneSpec.Init.BASE, AnswerSpan.EVERY_TURN);
        LaneConfig last = new LaneConfig(ObjectiveKind.INSTRUCTION, 0, LaneSpec.Init.BASE, AnswerSpan.LAST_TURN);
        LaneConfig pretraining = new LaneConfig(ObjectiveKind.PRETRAINING, 1, LaneSpec.Init.BASE, AnswerSpan.EVERY_TURN);
        assertThat(LaneLabel.ofConfigs(List.of(every, last, pretraining), false).stream().map(WORDING::api)).containsExactly(
                "Instruction objective, every assistant turn, from base",
                "Instruction objective, last assistant turn, from base", "Pre-training objective, from base");
        assertThat(LaneLabel.ofConfigs(List.of(every, pretraining), false).stream().map(WORDING::api)).containsExactly(
                "Instruction objective, from base", "Pre-training objective, from base");
    }
}
