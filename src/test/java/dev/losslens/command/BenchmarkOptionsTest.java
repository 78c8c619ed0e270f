package dev.losslens.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void givenOptionsReplaceTheirDefaults() {
        assertThat(Benchmark.options(new String[] {"--lanes", "8", "--steps", "20"}))
                .containsEntry("lanes", 8).containsEntry("steps", 20).containsEntry("batch", 16);
    }

    @Test
    void aBadCommandLineIsToldWhatIsWrongAndHowToCallIt() {
        for (String[] bad : new String[][] {{"--nope", "8"}, {"lanes", "8"}, {"--lanes"}, {"--lanes", "eight"},
                {"--lanes", "0"}, {"--steps", "-3"}}) {
            assertThatThrownBy(() -> Benchmark.options(bad)).as(String.join(" ", bad))
                    .isInstanceOf(UsageException.class).hasMessageContaining("bench: ")
                    .hasMessageContaining("usage: java -jar losslens.jar bench [--layers N]");
        }
    }
}
