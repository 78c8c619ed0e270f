package dev.losslens.explorer;


/** The colour of a change in one token's loss between two checkpoints: seven bins, symmetric around no change. */
public final class ChangeScale {

    /** Upper edges of the first six bins, in nats; the last bin is everything above +4. */
    private static final double[] EDGES = {-4, -1, -0.25, 0.25, 1, 4};
    /** How many bins; the bundle names bin i {@code page.explore.change.bin.i}. */
    public static final int BINS = EDGES.length + 1;

    private ChangeScale() {
    }

    public static int bin(double change) {
        int bin = 0;
        while (bin < EDGES.length && change >= EDGES[bin]) {
            bin++;
        }
        return bin;
    }
}
