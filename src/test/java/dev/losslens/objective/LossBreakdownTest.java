package dev.losslens.objective;

import static dev.losslens.text.Role.PROMPT;
import static dev.losslens.text.Role.RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.losslens.text.Role;
import dev.losslens.text.TokenizedExample;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LossBreakdownTest {

    private static final Offset<Double> EXACT = within(1e-12);

    /** Positions 0–2 prompt (0 is BOS), 3–5 response; index 0's NLL is undefined, as the model reports it. */
    private static final TokenizedExample EXAMPLE = new TokenizedExample(
            new int[] {1, 10, 11, 20, 21, 2},
            new Role[] {PROMPT, PROMPT, PROMPT, RESPONSE, RESPONSE, RESPONSE});
    private static final double[] NLL = {Double.NaN, 1, 2, 3, 4, 5};

    @Test
    void pretrainingSumsEveryTarget() {
        LossTotals pt = LossBreakdown.of(EXAMPLE, NLL, 0.5).pretraining();

        assertThat(pt.sum()).isCloseTo(15, EXACT);
        assertThat(pt.count()).isEqualTo(5);
        assertThat(pt.weightTotal()).isCloseTo(5, EXACT);
        assertThat(pt.mean()).isCloseTo(3, EXACT);
    }

    @Test
    void instructionSumsOnlyResponseTargets() {
        LossTotals sft = LossBreakdown.of(EXAMPLE, NLL, 0.5).instruction();

        assertThat(sft.sum()).isCloseTo(3 + 4 + 5, EXACT);
        assertThat(sft.count()).isEqualTo(3);
        assertThat(sft.weightTotal()).isCloseTo(3, EXACT);
        assertThat(sft.mean()).isCloseTo(4, EXACT);
    }

    @Test
    void weightedMeanDividesByTheTotalWeight() {
        LossTotals weighted = LossBreakdown.of(EXAMPLE, NLL, 0.5).weighted();

        assertThat(weighted.sum()).isCloseTo(12 + 0.5 * (1 + 2), EXACT);
        assertThat(weighted.weightTotal()).isCloseTo(3 + 0.5 * 2, EXACT);
        assertThat(weighted.mean()).isCloseTo(13.5 / 4, EXACT);
        assertThat(weighted.count()).isEqualTo(5);
    }

    @Test
    void promptShareIsThePromptTargetsPartOfTheFullLoss() {
        assertThat(LossBreakdown.of(EXAMPLE, NLL, 0.5).promptShare()).isCloseTo(3.0 / 15, EXACT);
        assertThat(LossBreakdown.of(EXAMPLE, NLL, 0.0).promptShare())
                .as("the share describes the sequence, not the dial").isCloseTo(3.0 / 15, EXACT);
    }

    @Test
    void promptShareOfAZeroLossIsZero() {
        assertThat(LossBreakdown.of(EXAMPLE, new double[] {Double.NaN, 0, 0, 0, 0, 0}, 0.5).promptShare()).isZero();
    }

    @Test
    void theFirstPositionNeverCountsWhateverItHolds() {
        double[] withJunkAtZero = NLL.clone();
        withJunkAtZero[0] = 1000;

        assertThat(LossBreakdown.of(EXAMPLE, withJunkAtZero, 0.3)).isEqualTo(LossBreakdown.of(EXAMPLE, NLL, 0.3));
        assertThat(LossBreakdown.of(EXAMPLE, NLL, 0.3).pretraining().sum()).isFinite();
    }

    @Test
    void aSingleTokenHasNoTargets() {
        TokenizedExample bosOnly = new TokenizedExample(new int[] {1}, new Role[] {PROMPT});

        LossBreakdown breakdown = LossBreakdown.of(bosOnly, new double[] {Double.NaN}, 0.5);

        assertThat(breakdown.pretraining()).isEqualTo(new LossTotals(0, 0, 0, 0));
        assertThat(breakdown.instruction()).isEqualTo(new LossTotals(0, 0, 0, 0));
        assertThat(breakdown.promptShare()).isZero();
    }

    @Test
    void lambdaOneIsPretrainingAndLambdaZeroIsInstruction() {
        LossBreakdown one = LossBreakdown.of(EXAMPLE, NLL, 1.0);
        LossBreakdown zero = LossBreakdown.of(EXAMPLE, NLL, 0.0);

        assertThat(one.weighted()).isEqualTo(one.pretraining());
        assertThat(zero.weighted()).isEqualTo(zero.instruction());
        assertThat(zero.weighted().count()).isEqualTo(3);
    }

    @Test
    void weightedSumInterpolatesBetweenTheObjectivesForAnyLambda() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + random.nextInt(60);
            int promptLength = 1 + random.nextInt(n - 1);
            int[] ids = new int[n];
            Role[] roles = new Role[n];
            double[] nll = new double[n];
            nll[0] = Double.NaN;
            for (int t = 0; t < n; t++) {
                ids[t] = random.nextInt(1000);
                roles[t] = t < promptLength ? PROMPT : RESPONSE;
                if (t > 0) {
                    nll[t] = random.nextDouble() * 12;
                }
            }
            TokenizedExample example = new TokenizedExample(ids, roles);
            double lambda = trial == 0 ? 0 : trial == 1 ? 1 : random.nextDouble();

            LossBreakdown b = LossBreakdown.of(example, nll, lambda);

            double promptSum = 0;
            double responseSum = 0;
            for (int t = 1; t < n; t++) {
                if (roles[t] == PROMPT) {
                    promptSum += nll[t];
                } else {
                    responseSum += nll[t];
                }
            }
            Offset<Double> close = within(1e-9);
            assertThat(b.pretraining().sum()).as("trial %d", trial).isCloseTo(promptSum + responseSum, close);
            assertThat(b.instruction().sum()).as("trial %d", trial).isCloseTo(responseSum, close);
            assertThat(b.weighted().sum()).as("trial %d, λ=%s", trial, lambda)
                    .isCloseTo(b.instruction().sum() + lambda * (b.pretraining().sum() - b.instruction().sum()), close);
            assertThat(b.weighted().weightTotal()).as("trial %d", trial)
                    .isCloseTo((n - promptLength) + lambda * (promptLength - 1), close);
            assertThat(b.pretraining().count()).isEqualTo(n - 1);
            assertThat(b.instruction().count()).isEqualTo(n - promptLength);
            assertThat(b.pretraining().mean()).isCloseTo((promptSum + responseSum) / (n - 1), close);
            assertThat(b.promptShare()).isCloseTo(promptSum / (promptSum + responseSum), close);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, -0.1, 1.1})
    void rejectsLambdaOutsideZeroToOne(double lambda) {
        assertThatIllegalArgumentException().isThrownBy(() -> LossBreakdown.of(EXAMPLE, NLL, lambda));
    }

    @Test
    void rejectsAnNllArrayOfTheWrongLength() {
        assertThatIllegalArgumentException().isThrownBy(() -> LossBreakdown.of(EXAMPLE, new double[] {0, 1, 2}, 0.5))
                .withMessageContaining("one NLL per token");
    }

    @Test
    void totalsOfExplicitWeightsCountOnlyPositiveWeights() {
        LossTotals totals = LossTotals.of(new double[] {9, 2, 4, 6}, new double[] {1, 0, 0.5, 2});

        assertThat(totals.sum()).isCloseTo(0.5 * 4 + 2 * 6, EXACT);
        assertThat(totals.weightTotal()).isCloseTo(2.5, EXACT);
        assertThat(totals.mean()).isCloseTo(14 / 2.5, EXACT);
        assertThat(totals.count()).isEqualTo(2);
    }
}
