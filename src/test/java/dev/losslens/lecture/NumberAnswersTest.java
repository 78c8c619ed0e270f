package dev.losslens.lecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumberAnswersTest {

    @Test
    void theMedianOfAnOddCountIsTheMiddleAnswerWhateverTheOrder() {
        assertThat(NumberAnswers.of(List.of(0.9, 0.1, 0.5)).median()).isEqualTo(0.5);
        assertThat(NumberAnswers.of(List.of(0.3)).median()).isEqualTo(0.3);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(NumberAnswers.of(List.of(1.0, 0.0, 0.25, 0.5)).median()).isEqualTo(0.375);
        assertThat(NumberAnswers.of(List.of(0.0, 1.0)).median()).isEqualTo(0.5);
    }

    @Test
    void theMedianIsNeverMinusZero() {
        assertThat(Double.compare(NumberAnswers.of(List.of(-0.0)).median(), 0.0)).isZero();
        assertThat(Double.compare(NumberAnswers.of(List.of(-0.0, -0.0)).median(), 0.0)).isZero();
    }

    @Test
    void percentilesAreNearestRankAnswers() {
        NumberAnswers answers = NumberAnswers.of(List.of(1.0, 0.1, 0.0, 0.01, 0.1));
        assertThat(List.of(0.1, 0.5, 0.9).stream().map(answers::percentile)).containsExactly(0.0, 0.1, 1.0);
        assertThat(NumberAnswers.of(List.of(0.7)).percentile(0.1)).isEqualTo(0.7);
    }

    @Test
    void percentilesNeverFallAsQRisesAndStayWithinTheAnswers() {
        Random random = new Random(42);
        for (int n = 1; n <= 40; n++) {
            NumberAnswers answers = NumberAnswers.of(random.doubles(n, 0, 1).boxed().toList());
            double previous = answers.percentile(0.0);
            for (int step = 1; step <= 100; step++) {
                double next = answers.percentile(step / 100.0);
                assertThat(next).as("n = %d, q = %d%%", n, step).isGreaterThanOrEqualTo(previous);
                previous = next;
            }
            assertThat(answers.percentile(0.0)).isLessThanOrEqualTo(answers.median());
            assertThat(answers.percentile(1.0)).isGreaterThanOrEqualTo(answers.median());
        }
    }

    @Test
    void everyAnswerIsInOneBinAndTheMaximumInTheLast() {
        Random random = new Random(7);
        List<Double> numbers = random.doubles(200, 0, 1).boxed().toList();
        List<Integer> counts = NumberAnswers.of(numbers).histogram(0, 1, 10);
        assertThat(counts).hasSize(10);
        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);

        assertThat(NumberAnswers.of(List.of(0.0, 0.05, 0.1, 1.0)).histogram(0, 1, 10))
                .containsExactly(2, 1, 0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(NumberAnswers.of(List.of(-1.0, 3.0)).histogram(-1, 3, 4)).containsExactly(1, 0, 0, 1);
    }

    @Test
    void noAnswersMakeAnEmptyHistogram() {
        NumberAnswers none = NumberAnswers.of(List.of());
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.histogram(0, 1, 10)).containsOnly(0).hasSize(10);
    }

    @Test
    void numbersAreShownWithThreePlacesAtMost() {
        assertThat(List.of(0.1, 25.0, 1.0 / 3, 0.0).stream().map(NumberAnswers::shown))
                .containsExactly("0.1", "25", "0.333", "0");
    }
}
