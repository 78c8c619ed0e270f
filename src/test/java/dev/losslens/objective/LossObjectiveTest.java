package dev.losslens.objective;

import dev.losslens.notation.Keyed;
import static dev.losslens.text.Role.PROMPT;
import static dev.losslens.text.Role.RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.losslens.text.Role;
import dev.losslens.text.TokenizedExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LossObjectiveTest {

    /** BOS, two more prompt tokens, then two response tokens (the last one is end-of-text). */
    static final TokenizedExample EXAMPLE = new TokenizedExample(
            new int[] {1, 10, 11, 20, 2},
            new Role[] {PROMPT, PROMPT, PROMPT, RESPONSE, RESPONSE});

    @Test
    void pretrainingCountsEveryTargetOnce() {
        assertThat(LossObjective.PRETRAINING.targetWeights(EXAMPLE)).containsExactly(0, 1, 1, 1, 1);
    }

    @Test
    void instructionCountsOnlyResponseTargets() {
        assertThat(LossObjective.INSTRUCTION.targetWeights(EXAMPLE)).containsExactly(0, 0, 0, 1, 1);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.01, 0.25, 0.5, 1.0})
    void weightedCountsPromptTargetsWithLambda(double lambda) {
        assertThat(LossObjective.weighted(lambda).targetWeights(EXAMPLE)).containsExactly(0, lambda, lambda, 1, 1);
    }

    @Test
    void theFirstTokenIsNeverATargetEvenWhenItIsAResponseToken() {
        TokenizedExample responseFirst = new TokenizedExample(new int[] {5, 6}, new Role[] {RESPONSE, RESPONSE});

        for (LossObjective objective : new LossObjective[] {
                LossObjective.PRETRAINING, LossObjective.INSTRUCTION, LossObjective.weighted(0.3)}) {
            assertThat(objective.targetWeights(responseFirst)).as(objective.toString()).containsExactly(0, 1);
        }
    }

    @Test
    void weightsHaveOneEntryPerToken() {
        TokenizedExample single = new TokenizedExample(new int[] {1}, new Role[] {PROMPT});

        assertThat(LossObjective.PRETRAINING.targetWeights(single)).containsExactly(0);
        assertThat(LossObjective.INSTRUCTION.targetWeights(new TokenizedExample(new int[0], new Role[0]))).isEmpty();
    }

    @Test
    void theNamedObjectivesAreTheEndsOfTheDial() {
        assertThat(LossObjective.PRETRAINING.targetWeights(EXAMPLE))
                .containsExactly(LossObjective.weighted(1).targetWeights(EXAMPLE));
        assertThat(LossObjective.INSTRUCTION.targetWeights(EXAMPLE))
                .containsExactly(LossObjective.weighted(0).targetWeights(EXAMPLE));
        assertThat(LossObjective.PRETRAINING.weight(PROMPT)).isEqualTo(1);
        assertThat(LossObjective.INSTRUCTION.weight(PROMPT)).isEqualTo(0);
        assertThat(LossObjective.INSTRUCTION.weight(RESPONSE)).isEqualTo(1);
        assertThat(ObjectiveKind.WEIGHTED.key()).isEqualTo("weighted");
        assertThat(Keyed.parse(ObjectiveKind.class, "weighted")).hasValue(ObjectiveKind.WEIGHTED);
        assertThat(Keyed.parse(ObjectiveKind.class, "Weighted")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, -0.1, 1.1, -0.0000001, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void rejectsLambdaOutsideZeroToOne(double lambda) {
        assertThatIllegalArgumentException().isThrownBy(() -> LossObjective.weighted(lambda))
                .withMessageContaining("[0, 1]");
    }
}
