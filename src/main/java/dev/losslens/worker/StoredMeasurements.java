package dev.losslens.worker;

import dev.losslens.comparison.ComparisonStore;
import dev.losslens.comparison.MeasurementStore;
import dev.losslens.training.Generation;
import dev.losslens.training.MetricPoint;
import dev.losslens.training.PipelineCheck;
import dev.losslens.training.TrainingListener;
import java.util.List;

/** Stores every point, answer and divergence the moment training reports it, so readers see it at once. */
record StoredMeasurements(long id, ComparisonStore store, MeasurementStore measurements) implements TrainingListener {

    @Override
    public void point(int lane, MetricPoint point) {
        measurements.addPoint(id, lane, point);
    }

    @Override
    public void generations(int lane, int step, List<Generation> generations) {
        measurements.addGenerations(id, lane, step, generations);
    }

    @Override
    public void checkFailed(int lane, PipelineCheck check, int step) {
        measurements.addFailedCheck(id, lane, check, step);
    }

    @Override
    public void diverged(int lane, int step) {
        store.laneDiverged(id, lane, step);
    }
}
