package dev.losslens.lecture;

import static dev.losslens.lecture.NumberAnswers.shown;

import dev.losslens.lecture.ClassState.Results;
import dev.losslens.system.files.CsvTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The counts of one poll's answers, as the screens show them once revealed and as the presenter's CSV lists them. */
final class PollTally {

    /** A number question's histogram has this many equal bins from min to max. */
    static final int BINS = 10;
    static final List<String> CSV_COLUMNS = List.of("question", "state", "round", "option", "answers", "right",
            "median");

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

    /**
     * One CSV row per option or bin of each round, under {@link #CSV_COLUMNS}: counts only, never who answered. A poll
     * asked twice has its first round's rows first.
     */
    static CsvTable csv(List<ClassSnapshots.PollResult> polls) {
        CsvTable csv = new CsvTable(CSV_COLUMNS);
        for (ClassSnapshots.PollResult poll : polls) {
            if (poll.firstRound() != null) {
                csvRows(poll.question().id(), poll.state(), 1, poll.firstRound()).forEach(csv::row);
            }
            csvRows(poll.question().id(), poll.state(), poll.round(), poll.results()).forEach(csv::row);
        }
        return csv;
    }

    static List<List<Object>> csvRows(String question, PollState state, int round, Results results) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < results.labels().size(); i++) {
            rows.add(Arrays.asList(question, state.key(), round, results.labels().get(i), results.counts().get(i),
                    results.right() == null ? null : results.right() == i,
                    results.median() == null ? null : shown(results.median())));
        }
        return rows;
    }
}
