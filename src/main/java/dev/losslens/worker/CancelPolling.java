package dev.losslens.worker;

import dev.losslens.comparison.ComparisonQueue;
import dev.losslens.training.TrainingListener;
import java.util.Set;

/**
 * Stops a run that was cancelled: at once when the cancel reached this instance, otherwise when the database says
 * so, asked every ten steps (a cancel may arrive through another instance).
 */
final class CancelPolling implements TrainingListener {

    private static final int ASK_EVERY_STEPS = 10;

    private final long id;
    private final Set<Long> cancelledHere;
    private final ComparisonQueue queue;
    private int step;

    CancelPolling(long id, Set<Long> cancelledHere, ComparisonQueue queue) {
        this.id = id;
        this.cancelledHere = cancelledHere;
        this.queue = queue;
    }

    @Override
    public void progress(int step, double tokensPerSecond) {
        this.step = step;
    }

    @Override
    public boolean cancelRequested() {
        return cancelledHere.contains(id) || (step % ASK_EVERY_STEPS == 0 && queue.cancelRequested(id));
    }
}
