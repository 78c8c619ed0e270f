package dev.losslens.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShareScaleTest {

    @Test
    void eachBinStartsAtTwiceTheShareOfTheOneBeforeFromATenthOfAPercent() {
        assertThat(ShareScale.labels()).containsExactly("0", "0.1", "0.2", "0.4", "0.8", "1.6", "3.2", "6.4", "13", "26+");
        assertThat(ShareScale.edges()).as("what the batch view bins shares by")
                .isEqualTo("0 0.001 0.002 0.004 0.008 0.016 0.032 0.064 0.128 0.256");
    }
}
