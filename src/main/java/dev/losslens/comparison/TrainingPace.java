package dev.losslens.comparison;

import dev.losslens.model.ModelPreset;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.springframework.stereotype.Component;

/**
 * How long a lane-step takes, learnt from the comparisons this database has trained: the median wall time per
 * lane-step of recent finished runs of the same shape (model, batch size and evaluation interval), evaluation
 * included, as it is in the wait. At these sizes a step's cost is mostly per-operation overhead, not proportional to
 * the batch, and evaluation is a fixed cost per interval: so only runs of another shape are scaled by batch size,
 * and only when no run of the same shape has finished.
 */
@Component
class TrainingPace {

    private static final int RECENT = 50;
    /**
     * Seconds per lane-step and sequence before a model has finished any run here, measured on a 2-core machine:
     * tiny ≈ 0.03 s per lane-step at batch 16, small ≈ 0.14 s at batch 64 (evaluation included).
     */
    private static final Map<ModelPreset, Double> PRIOR = Map.of(ModelPreset.TINY, 0.03 / 16, ModelPreset.SMALL, 0.14 / 64);

    private final ComparisonStore store;

    TrainingPace(ComparisonStore store) {
        this.store = store;
    }

    /**
     * How long the given comparisons still need together, at the rate the running ones train now: their lane-steps
     * per second summed (the trainers step many lanes at once, so the work drains at the trainers' rate, not at one
     * run's). Until a running run has trained a step, the learnt pace of finished runs stands in.
     */
    double remainingSeconds(List<ComparisonRow> work, List<ComparisonRow> running) {
        double rate = laneStepsPerSecond(running);
        return rate == 0 ? remainingSeconds(work) : laneSteps(work) / rate;
    }

    /**
     * How long a running run that has not shown its own pace yet still needs: the learnt pace of a run alone, or, when
     * others train beside it, the pace each of their lanes reaches now (they share the trainers with it), whichever is
     * longer.
     */
    double remainingSeconds(ComparisonRow row, List<ComparisonRow> running) {
        double alone = remainingSeconds(List.of(row));
        List<ComparisonRow> others = running.stream().filter(other -> other.id() != row.id()).toList();
        double rate = laneStepsPerSecond(others);
        if (rate == 0) {
            return alone;
        }
        int otherLanes = others.stream().mapToInt(other -> other.config().lanes().size()).sum();
        return Math.max(alone, (row.config().steps() - row.stepsDone()) * otherLanes / rate);
    }

    /** Lane-steps per second the given running comparisons have trained since they started, summed. */
    private static double laneStepsPerSecond(List<ComparisonRow> running) {
        return running.stream().filter(row -> row.stepsDone() > 0 && row.startedAt() != null)
                .mapToDouble(row -> row.stepsDone() * row.config().lanes().size()
                        / Math.max(1e-3, Duration.between(row.startedAt(), Instant.now()).toMillis() / 1000.0))
                .sum();
    }

    private static double laneSteps(List<ComparisonRow> rows) {
        return rows.stream().mapToDouble(row -> (row.config().steps() - row.stepsDone())
                * (double) row.config().lanes().size()).sum();
    }

    /** What the learnt pace says the given comparisons still need, together; finished runs are read once. */
    double remainingSeconds(List<ComparisonRow> rows) {
        List<ComparisonRow> trained = store.recentlyTrained(RECENT).stream().filter(row -> row.finishedAt() != null)
                .toList();
        return rows.stream().mapToDouble(row -> laneSteps(List.of(row)) * secondsPerLaneStep(trained, row.config()))
                .sum();
    }

    private static double secondsPerLaneStep(List<ComparisonRow> trained, ComparisonConfig config) {
        List<ComparisonRow> sameModel = trained.stream()
                .filter(row -> row.config().model() == config.model()).toList();
        List<ComparisonRow> sameShape = sameModel.stream()
                .filter(row -> row.config().batchSize() == config.batchSize()
                        && row.config().evalEvery() == config.evalEvery()).toList();
        if (!sameShape.isEmpty()) {
            return median(sameShape.stream().mapToDouble(row -> seconds(row) / laneSteps(row)));
        }
        double perSequence = sameModel.isEmpty() ? PRIOR.get(config.model())
                : median(sameModel.stream().mapToDouble(row -> seconds(row) / laneSteps(row) / row.config().batchSize()));
        return perSequence * config.batchSize();
    }

    private static double median(DoubleStream values) {
        double[] sorted = values.sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static double seconds(ComparisonRow row) {
        return Duration.between(row.startedAt(), row.finishedAt()).toMillis() / 1000.0;
    }

    private static double laneSteps(ComparisonRow row) {
        return (double) row.config().steps() * row.config().lanes().size();
    }
}
