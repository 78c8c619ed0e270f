package dev.losslens.lecture;

import dev.losslens.notation.PlainNumber;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** A class's answers to a number question, in order: their median, their percentiles and their histogram. */
final class NumberAnswers {

    private static final int SHOWN_DECIMALS = 3;

    private final List<Double> sorted;

    private NumberAnswers(List<Double> sorted) {
        this.sorted = sorted;
    }

    static NumberAnswers of(Collection<Double> answers) {
        return new NumberAnswers(answers.stream().sorted().toList());
    }

    /** A class number as screens and messages show it: three places at most, no trailing zeros. */
    static String shown(double value) {
        return PlainNumber.of(value, SHOWN_DECIMALS);
    }

    boolean isEmpty() {
        return sorted.isEmpty();
    }

    /** The middle answer, or the mean of the middle two; never −0, which a screen would show as "-0". */
    double median() {
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return median + 0.0;
    }

    /** The nearest-rank percentile: the smallest answer with at least q of them at or below it. */
    double percentile(double q) {
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
    }

    /**
     * How many answers fall in each of {@code bins} equal bins from min to max; max itself is in the last bin.
     */
    List<Integer> histogram(double min, double max, int bins) {
        double width = (max - min) / bins;
        List<Integer> counts = new ArrayList<>(Collections.nCopies(bins, 0));
        for (double answer : sorted) {
            int bin = Math.min(bins - 1, (int) ((answer - min) / width));
            counts.set(bin, counts.get(bin) + 1);
        }
        return counts;
    }
}
