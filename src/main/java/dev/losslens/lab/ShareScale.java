package dev.losslens.lab;

import dev.losslens.notation.PlainNumber;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The colour of a target's share of its step's loss in the run page's batch view: the explorer's ten heat colours,
 * each bin from twice the share of the one before, so that 0.2 % and 25 % of a step's loss look different. Bin 0
 * holds every share under 0.1 %.
 */
final class ShareScale {

    private static final int BINS = 10;
    private static final double SECOND_EDGE = 0.001;

    private ShareScale() {
    }

    /** The smallest share in a bin, as a fraction of the step's loss. */
    static double lowerEdge(int bin) {
        return bin == 0 ? 0 : SECOND_EDGE * Math.pow(2, bin - 1);
    }

    /** Every bin's lower edge in percent, low to high; "+" on the last. */
    static List<String> labels() {
        return IntStream.range(0, BINS).mapToObj(bin -> PlainNumber.significant(lowerEdge(bin) * 100, 2)
                + (bin == BINS - 1 ? "+" : "")).toList();
    }

    /** Every bin's lower edge, for the script that colours the batch's targets. */
    static String edges() {
        return IntStream.range(0, BINS).mapToObj(bin -> PlainNumber.significant(lowerEdge(bin), 3))
                .collect(Collectors.joining(" "));
    }
}
