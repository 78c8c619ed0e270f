package dev.losslens.training;

import java.util.List;

/** The only link between the training loop and the rest of the app. Called on the training thread. */
interface TrainingListener {

    void point(int lane, MetricPoint point);

    void generations(int lane, int step, List<Generation> generations);

    void diverged(int lane, int step);

    /** Steps completed so far and the measured training throughput. */
    void progress(int step, double tokensPerSecond);

    /** Polled between steps; true stops the run, keeping what was measured. */
    boolean cancelRequested();
}
