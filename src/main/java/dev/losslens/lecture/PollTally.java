package dev.losslens.lecture;

import static dev.losslens.lecture.NumberAnswers.shown;

import dev.losslens.lecture.ClassState.Results;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The counts of one poll's answers, as the screens show them once revealed and as the presenter's CSV lists them. */
final class PollTally {

    /** A number question's histogram has this many equal bins from min to max. */
    static final int BINS = 10;
    static final List<String> CSV_COLUMNS = List.of("question", "state", "option", "answers", "right", "median");

    private PollTally() {
    }

    /** @param right the right option's index, or null while it is not known */
    static Results choices(List<String> options, List<Integer> choices, Integer right) {
        List<Integer> counts = new ArrayList<>(Collections.nCopies(options.size(), 0));
        choices.forEach(choice -> counts.set(choice, counts.get(choice) + 1));
        return new Results(options, counts, right, null);
    }

    static Results numbers(double min, double max, List<Double> numbers) {
        NumberAnswers answers = NumberAnswers.of(numbers);
        double width = (max - min) / BINS;
        List<String> labels = new ArrayList<>();
        for (int bin = 0; bin < BINS; bin++) {
            labels.add(shown(min + bin * width) + "–" + shown(min + (bin + 1) * width));
        }
        return new Results(labels, answers.histogram(min, max, BINS), null,
                answers.isEmpty() ? null : answers.median());
    }

    /** One CSV row per option or bin, under {@link #CSV_COLUMNS}: counts only, never who answered. */
    static List<List<Object>> csvRows(String question, PollState state, Results results) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < results.labels().size(); i++) {
            rows.add(Arrays.asList(question, state.key(), results.labels().get(i), results.counts().get(i),
                    results.right() == null ? null : results.right() == i,
                    results.median() == null ? null : shown(results.median())));
        }
        return rows;
    }
}
