package dev.losslens.comparison;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How long a lane-step takes, learnt from the comparisons this database has trained: the median wall time per
 * lane-step and sequence of recent finished runs of the same model, times the batch size. Evaluation time is in
 * the measurement, as it is in the wait.
 */
@Component
class TrainingPace {

    private static final int RECENT = 50;
    /**
     * Seconds per lane-step and sequence before a model has finished any run here, measured on a 2-core machine:
     * tiny ≈ 0.03 s per lane-step at batch 16, small ≈ 0.14 s at batch 64 (evaluation included).
     */
    private static final Map<String, Double> PRIOR = Map.of("tiny", 0.03 / 16, "small", 0.14 / 64);

    private final ComparisonStore store;

    TrainingPace(ComparisonStore store) {
        this.store = store;
    }

    /** What the learnt pace says the given comparisons still need, together; finished runs are read once. */
    double remainingSeconds(List<ComparisonRow> rows) {
        List<ComparisonRow> trained = store.recentlyTrained(RECENT);
        return rows.stream().mapToDouble(row -> (row.config().steps() - row.stepsDone()) * row.config().lanes().size()
                * secondsPerLaneStep(trained, row.config().model(), row.config().batchSize())).sum();
    }

    private static double secondsPerLaneStep(List<ComparisonRow> trained, String model, int batchSize) {
        double[] perSequence = trained.stream()
                .filter(row -> row.config().model().equals(model) && row.finishedAt() != null)
                .mapToDouble(row -> seconds(row) / laneSteps(row) / row.config().batchSize())
                .sorted().toArray();
        double pace = perSequence.length == 0 ? PRIOR.getOrDefault(model, PRIOR.get("small"))
                : perSequence[perSequence.length / 2];
        return pace * batchSize;
    }

    private static double seconds(ComparisonRow row) {
        return Duration.between(row.startedAt(), row.finishedAt()).toMillis() / 1000.0;
    }

    private static double laneSteps(ComparisonRow row) {
        return (double) row.config().steps() * row.config().lanes().size();
    }
}
