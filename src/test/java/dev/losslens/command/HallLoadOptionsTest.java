package dev.losslens.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class HallLoadOptionsTest {

    @Test
    void urlsAndPidsRepeatAndTheNumbersKeepTheirDefaults() {
        HallLoad.Options options = HallLoad.options(new String[] {"--url", "http://localhost:8080", "--url",
                "http://localhost:8081", "--students", "20", "--pid", "1234", "--pid", "5678"});
        assertThat(options.urls()).containsExactly(URI.create("http://localhost:8080"),
                URI.create("http://localhost:8081"));
        assertThat(options.pids()).containsExactly(1234L, 5678L);
        assertThat(options.students()).isEqualTo(20);
        assertThat(options.seconds()).isEqualTo(60);
        assertThat(options.seed()).isEqualTo(1);
    }

    @Test
    void aBadCommandLineIsToldWhatIsWrongAndHowToCallIt() {
        for (String[] bad : List.of(new String[] {"--url", "http://localhost:8080", "--nope", "8"},
                new String[] {"--url", "http://localhost:8080", "students", "8"},
                new String[] {"--url", "http://localhost:8080", "--seconds"},
                new String[] {"--url", "http://localhost:8080", "--students", "many"},
                new String[] {"--url", "http://localhost:8080", "--students", "0"},
                new String[] {"--url", "http://localhost:8080", "--seconds", "86400"},
                new String[] {"--url", "localhost:8080"}, new String[] {"--url", "ftp://localhost"},
                new String[] {"--url", "http://local host"}, new String[] {"--students", "20"})) {
            assertThatThrownBy(() -> HallLoad.options(bad)).as(String.join(" ", bad))
                    .isInstanceOf(UsageException.class).hasMessageContaining("load: ")
                    .hasMessageContaining("usage: java -jar losslens.jar load --url URL");
        }
    }
}
