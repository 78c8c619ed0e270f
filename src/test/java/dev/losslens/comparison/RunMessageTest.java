package dev.losslens.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A run's ending is stored as a code and read back as the bundle's words; an older stored sentence reads as stored. */
class RunMessageTest {

    private static final ResourceBundleMessageSource BUNDLE = new ResourceBundleMessageSource();

    static {
        BUNDLE.setBasename("messages/runs");
        BUNDLE.setDefaultEncoding("UTF-8");
    }

    private static String read(String stored) {
        return RunMessage.of(stored).map(words -> BUNDLE.getMessage(words, Locale.ENGLISH)).orElse(null);
    }

    @Test
    void codesAreWordedByTheBundle() {
        assertThat(read(null)).isNull();
        assertThat(read(RunMessage.INTERRUPTED)).isEqualTo("Interrupted: the trainer stopped before it finished");
        assertThat(read(RunMessage.CANCELLED)).isEqualTo("Cancelled; the points measured before it are kept");
        assertThat(read(RunMessage.failed(new OutOfMemoryError()))).isEqualTo("Training failed: OutOfMemoryError");
    }

    @Test
    void aSentenceStoredBeforeCodesReadsAsStored() {
        assertThat(read("Training failed: IllegalStateException")).isEqualTo("Training failed: IllegalStateException");
    }
}
