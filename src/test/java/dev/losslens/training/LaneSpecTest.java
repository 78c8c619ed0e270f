package dev.losslens.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.objective.LossObjective;
import org.junit.jupiter.api.Test;

class LaneSpecTest {

    private static String label(double lambda) {
        return new LaneSpec(LossObjective.weighted(lambda), LaneSpec.Init.BASE).label();
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
}
