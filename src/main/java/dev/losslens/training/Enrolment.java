package dev.losslens.training;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One comparison training in a {@link LaneStack}: its plan, its listener, its own batch order and step clock, and
 * per lane its pipeline, the training loss gathered since the last evaluation, the step at which it diverged, if it
 * did, and the pipeline checks its batches have failed.
 */
public final class Enrolment {

    final TrainingPlan plan;
    final TrainingListener listener;
    final BatchOrder order;
    final List<LanePipeline> pipelines;
    final List<Set<PipelineCheck>> failedChecks;
    final Integer[] divergedAt;
    final double[] lossSum;
    final int[] lossSteps;
    int step;
    long tokens;
    long startedNanos;
    private List<LaneResult> results;

    Enrolment(TrainingPlan plan, TrainingListener listener) {
        this.plan = plan;
        this.listener = listener;
        this.order = new BatchOrder(plan.training().size(), plan.batchSize(), plan.seed());
        int lanes = plan.lanes().size();
        this.pipelines = plan.lanes().stream().map(lane -> new LanePipeline(lane.objective(), lane.bug(),
                plan.startingWeights().get(0).config().context())).toList();
        this.failedChecks = plan.lanes().stream().map(lane -> (Set<PipelineCheck>) EnumSet.noneOf(PipelineCheck.class))
                .toList();
        this.divergedAt = new Integer[lanes];
        this.lossSum = new double[lanes];
        this.lossSteps = new int[lanes];
    }

    boolean live(int lane) {
        return divergedAt[lane] == null;
    }

    void end(List<LaneResult> results) {
        this.results = List.copyOf(results);
    }

    public boolean ended() {
        return results != null;
    }

    /** How each lane ended, in lane order; only once {@link #ended()}. */
    public List<LaneResult> results() {
        if (results == null) {
            throw new IllegalStateException("still training");
        }
        return results;
    }

    public boolean cancelled() {
        return ended() && results.stream().anyMatch(result -> result.status() == LaneStatus.CANCELLED);
    }
}
