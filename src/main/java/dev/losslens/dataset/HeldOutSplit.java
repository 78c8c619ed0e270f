package dev.losslens.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Which pairs of one file are held out: a share of them, chosen by a seeded shuffle. {@link java.util.Random}'s
 * sequence is fixed by its specification, so a seed and a share split a file the same way on every machine and every
 * run; both splits keep the file's order.
 */
public final class HeldOutSplit {

    public static final double MIN_SHARE = 0.01;
    public static final double MAX_SHARE = 0.5;
    public static final double DEFAULT_SHARE = 0.1;
    public static final long DEFAULT_SEED = 7;
    public static final long MAX_SEED = 1L << 48;

    private HeldOutSplit() {
    }

    /** How many of {@code pairs} a split holds out: the share, rounded, at least 1, and never all. */
    public static int heldOut(int pairs, double share) {
        return (int) Math.max(1, Math.min(pairs - 1L, Math.round(pairs * share)));
    }

    /** For each of {@code pairs} in file order, whether it is held out. */
    public static boolean[] of(int pairs, double share, long seed) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, pairs).boxed().toList());
        Collections.shuffle(order, new Random(seed));
        boolean[] held = new boolean[pairs];
        order.subList(0, heldOut(pairs, share)).forEach(index -> held[index] = true);
        return held;
    }
}
