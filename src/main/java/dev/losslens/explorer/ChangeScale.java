package dev.losslens.explorer;

import java.util.List;

/** The colour of a change in one token's loss between two checkpoints: seven bins, symmetric around no change. */
public final class ChangeScale {

    /** Upper edges of the first six bins, in nats; the last bin is everything above +4. */
    private static final double[] EDGES = {-4, -1, -0.25, 0.25, 1, 4};
    public static final List<String> LABELS = List.of("−4 or more lower", "−4 to −1", "−1 to −0.25",
            "within ±0.25", "+0.25 to +1", "+1 to +4", "+4 or more higher");

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
