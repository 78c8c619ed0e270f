package dev.losslens.training;

import java.util.List;

/**
 * The only link between the training loop and the rest of the app, called on the training thread. Each listener
 * does one job and overrides only what it needs; {@link #all} composes them.
 */
public interface TrainingListener {

    default void point(int lane, MetricPoint point) {
    }

    default void generations(int lane, int step, List<Generation> generations) {
    }

    default void diverged(int lane, int step) {
    }

    /** The first step at which the lane's batch failed a pipeline check; once per lane and check. */
    default void checkFailed(int lane, PipelineCheck check, int step) {
    }

    /** Steps completed so far and the measured training throughput. */
    default void progress(int step, double tokensPerSecond) {
    }

    /** Polled between steps; true stops the run, keeping what was measured. */
    default boolean cancelRequested() {
        return false;
    }

    /** Every listener hears every event, in order; the run stops when any of them asks. */
    static TrainingListener all(List<TrainingListener> listeners) {
        return new TrainingListener() {
            @Override
            public void point(int lane, MetricPoint point) {
                listeners.forEach(l -> l.point(lane, point));
            }

            @Override
            public void generations(int lane, int step, List<Generation> generations) {
                listeners.forEach(l -> l.generations(lane, step, generations));
            }

            @Override
            public void diverged(int lane, int step) {
                listeners.forEach(l -> l.diverged(lane, step));
            }

            @Override
            public void checkFailed(int lane, PipelineCheck check, int step) {
                listeners.forEach(l -> l.checkFailed(lane, check, step));
            }

            @Override
            public void progress(int step, double tokensPerSecond) {
                listeners.forEach(l -> l.progress(step, tokensPerSecond));
            }

            @Override
            public boolean cancelRequested() {
                return listeners.stream().anyMatch(TrainingListener::cancelRequested);
            }
        };
    }
}
