package dev.losslens.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The seeded order in which training examples are visited: shuffled epochs, cut into batches of positions. Every
 * lane of a comparison takes the same positions at the same step, so lanes differ only in their objective or start.
 */
public final class BatchOrder {

    private final int examples;
    private final int batchSize;
    private final Random random;
    private final List<Integer> epoch = new ArrayList<>();
    private int next;
    private int nextEpochRow;

    public BatchOrder(int examples, int batchSize, long seed) {
        if (examples == 0) {
            throw new IllegalArgumentException("no training examples");
        }
        this.examples = examples;
        this.batchSize = batchSize;
        this.random = new Random(seed);
    }

    /** The positions of the next batch's examples. */
    public int[] next() {
        int[] batch = new int[batchSize];
        nextEpochRow = batchSize;
        for (int b = 0; b < batchSize; b++) {
            if (next == epoch.size()) {
                if (b > 0 && nextEpochRow == batchSize) {
                    nextEpochRow = b;
                }
                epoch.clear();
                for (int i = 0; i < examples; i++) {
                    epoch.add(i);
                }
                Collections.shuffle(epoch, random);
                next = 0;
            }
            batch[b] = epoch.get(next++);
        }
        return batch;
    }

    /**
     * The row of the last batch at which an epoch ended and the next began; the batch size when the whole batch is
     * one epoch's (the first epoch, or a batch that starts a new one, included).
     */
    public int nextEpochRow() {
        return nextEpochRow;
    }
}
