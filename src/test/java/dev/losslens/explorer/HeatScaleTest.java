package dev.losslens.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeatScaleTest {

    @Test
    void confidentMissesOfDifferentSizeGetDifferentColours() {
        assertThat(HeatScale.bin(0)).isZero();
        assertThat(HeatScale.bin(11)).isLessThan(HeatScale.bin(32));
        assertThat(HeatScale.bin(Math.log(1723))).as("a uniform guess sits mid-scale").isEqualTo(5);
        assertThat(HeatScale.bin(1e6)).isEqualTo(HeatScale.BINS - 1);
        for (int bin = 0; bin < HeatScale.BINS; bin++) {
            assertThat(HeatScale.bin(HeatScale.lowerEdge(bin) + 1e-9)).as("lower edge of bin %d", bin).isEqualTo(bin);
        }
        assertThat(HeatScale.label(0)).isEqualTo("0.0");
        assertThat(HeatScale.label(9)).isEqualTo("31+");
    }
}
