package dev.losslens.worker;

import dev.losslens.comparison.ComparisonQueue;
import dev.losslens.training.TrainingListener;

/**
 * Records steps done and speed (the queue's heartbeat) at most four times a second, and always at the last step. A run
 * that no longer runs when it beats (another instance found its heartbeat stale and marked it interrupted) stops.
 */
final class ThrottledProgress implements TrainingListener {

    private static final long EVERY_NANOS = 250_000_000L;

    private final long id;
    private final int steps;
    private final ComparisonQueue queue;
    private long last;
    private boolean endedElsewhere;

    ThrottledProgress(long id, int steps, ComparisonQueue queue) {
        this.id = id;
        this.steps = steps;
        this.queue = queue;
    }

    @Override
    public void progress(int step, double tokensPerSecond) {
        long now = System.nanoTime();
        if (now - last >= EVERY_NANOS || step == steps) {
            last = now;
            endedElsewhere = !queue.progress(id, step, tokensPerSecond);
        }
    }

    @Override
    public boolean cancelRequested() {
        return endedElsewhere;
    }
}
