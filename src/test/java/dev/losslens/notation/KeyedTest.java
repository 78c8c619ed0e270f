package dev.losslens.notation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class KeyedTest {

    enum Step implements Keyed {
        ALL_TARGETS, SHIFT
    }

    record Holder(Step step) {
    }

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aConstantsWordIsItsNameInLowerCaseWithDashes() {
        assertThat(Step.ALL_TARGETS.key()).isEqualTo("all-targets");
        assertThat(Keyed.parse(Step.class, "all-targets")).hasValue(Step.ALL_TARGETS);
        assertThat(Keyed.parse(Step.class, "ALL_TARGETS")).isEmpty();
        assertThat(Keyed.parse(Step.class, null)).isEmpty();
        assertThatThrownBy(() -> Keyed.of(Step.class, "all_targets")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Keyed.choices(Step.class)).isEqualTo("all-targets, shift");
    }

    @Test
    void jsonWritesAndReadsTheWord() {
        String written = json.writeValueAsString(new Holder(Step.ALL_TARGETS));
        assertThat(written).isEqualTo("{\"step\":\"all-targets\"}");
        assertThat(json.readValue(written, Holder.class)).isEqualTo(new Holder(Step.ALL_TARGETS));
    }
}
