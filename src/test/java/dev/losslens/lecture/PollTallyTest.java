package dev.losslens.lecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.lecture.ClassState.Results;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollTallyTest {

    private static final List<String> OPTIONS = List.of("lower", "higher", "the same");

    @Test
    void choicesAreCountedPerOptionAndTheCountsSumToTheVotes() {
        Results results = PollTally.choices(OPTIONS, List.of(1, 0, 1, 1, 2), 1);
        assertThat(results.labels()).isEqualTo(OPTIONS);
        assertThat(results.counts()).containsExactly(1, 3, 1);
        assertThat(results.right()).isEqualTo(1);
        assertThat(results.median()).isNull();
    }

    @Test
    void anEmptyPollCountsZeroForEveryOptionAndEveryBin() {
        assertThat(PollTally.choices(OPTIONS, List.of(), null).counts()).containsExactly(0, 0, 0);
        Results numbers = PollTally.numbers(0, 1, List.of());
        assertThat(numbers.counts()).hasSize(PollTally.BINS).containsOnly(0);
        assertThat(numbers.median()).isNull();
    }

    @Test
    void numbersFillTenBinsLabelledFromMinToMaxWithTheirMedian() {
        Results results = PollTally.numbers(0, 1, List.of(0.0, 0.01, 0.1, 0.1, 1.0));
        assertThat(results.labels()).hasSize(PollTally.BINS).startsWith("0–0.1", "0.1–0.2").endsWith("0.9–1");
        assertThat(results.counts()).containsExactly(2, 2, 0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(results.counts().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
        assertThat(results.median()).isEqualTo(0.1);
        assertThat(results.right()).isNull();
    }

    @Test
    void csvRowsListEveryOptionWithItsCountAndWhetherItIsRight() {
        assertThat(PollTally.csvRows("q1", PollState.REVEALED, 2, PollTally.choices(List.of("a", "b"), List.of(1), 1)))
                .containsExactly(Arrays.asList("q1", "revealed", 2, "a", 0, false, null),
                        Arrays.asList("q1", "revealed", 2, "b", 1, true, null));
    }

    @Test
    void csvRowsOfANumberQuestionCarryTheMedianAndNoRightOption() {
        List<List<Object>> rows = PollTally.csvRows("lambda", PollState.LOCKED, 1,
                PollTally.numbers(0, 1, List.of(0.2, 0.25)));
        assertThat(rows).hasSize(PollTally.BINS);
        assertThat(rows.get(2)).isEqualTo(Arrays.asList("lambda", "locked", 1, "0.2–0.3", 2, null, "0.225"));
    }
}
