package dev.losslens.training;

import dev.losslens.text.TokenizedExample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The seeded order in which training examples are visited: shuffled epochs, cut into batches. Every lane of a
 * comparison sees the same batch at the same step, so lanes differ only in their objective or start.
 */
public final class BatchOrder {

    private final List<TokenizedExample> examples;
    private final int batchSize;
    private final Random random;
    private final List<Integer> epoch = new ArrayList<>();
    private int next;

    public BatchOrder(List<TokenizedExample> examples, int batchSize, long seed) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        this.examples = examples;
        this.batchSize = batchSize;
        this.random = new Random(seed);
    }

    public TrainingBatch next() {
        List<TokenizedExample> batch = new ArrayList<>(batchSize);
        while (batch.size() < batchSize) {
            if (next == epoch.size()) {
                epoch.clear();
                for (int i = 0; i < examples.size(); i++) {
                    epoch.add(i);
                }
                Collections.shuffle(epoch, random);
                next = 0;
            }
            batch.add(examples.get(epoch.get(next++)));
        }
        return TrainingBatch.of(batch);
    }
}
