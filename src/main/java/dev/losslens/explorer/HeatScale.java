package dev.losslens.explorer;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The colour of a token's loss: ten bins on a logarithmic scale of 1 + (−log p), so that a confident miss of 30 nats
 * looks different from 11 nats, while small losses keep their resolution. The last bin starts near 31 nats.
 */
public final class HeatScale {

    public static final int BINS = 10;
    private static final double BINS_PER_DOUBLING = 1.8;

    private HeatScale() {
    }

    public static int bin(double nll) {
        double bin = Math.floor(BINS_PER_DOUBLING * Math.log(1 + Math.max(0, nll)) / Math.log(2));
        return (int) Math.min(BINS - 1, bin);
    }

    /** The smallest loss in a bin, in nats. */
    public static double lowerEdge(int bin) {
        return Math.pow(2, bin / BINS_PER_DOUBLING) - 1;
    }

    /** Every bin's legend, low to high. */
    public static List<String> labels() {
        return IntStream.range(0, BINS).mapToObj(HeatScale::label).toList();
    }

    /** A bin's legend: its lower edge, and "+" on the last. */
    public static String label(int bin) {
        double edge = lowerEdge(bin);
        String text = String.format(Locale.ROOT, edge < 10 ? "%.1f" : "%.0f", edge);
        return bin == BINS - 1 ? text + "+" : text;
    }
}
