package dev.losslens.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/** A listener that keeps everything training told it, and asks to stop once {@code cancelAfterStep} holds. */
final class Recording implements TrainingListener {

    final List<List<MetricPoint>> points = new ArrayList<>();
    final List<List<List<Generation>>> generations = new ArrayList<>();
    final List<int[]> diverged = new ArrayList<>();
    /** Per lane, each failed pipeline check and the step it first failed at. */
    final List<Map<PipelineCheck, Integer>> failedChecks = new ArrayList<>();
    final List<Integer> progress = new ArrayList<>();
    private final IntPredicate cancelAfterStep;

    Recording(int lanes, IntPredicate cancelAfterStep) {
        this.cancelAfterStep = cancelAfterStep;
        for (int lane = 0; lane < lanes; lane++) {
            points.add(new ArrayList<>());
            generations.add(new ArrayList<>());
            failedChecks.add(new EnumMap<>(PipelineCheck.class));
        }
    }

    @Override
    public void point(int lane, MetricPoint point) {
        points.get(lane).add(point);
    }

    @Override
    public void generations(int lane, int step, List<Generation> answers) {
        generations.get(lane).add(List.copyOf(answers));
    }

    @Override
    public void diverged(int lane, int step) {
        diverged.add(new int[] {lane, step});
    }

    @Override
    public void checkFailed(int lane, PipelineCheck check, int step) {
        assertThat(failedChecks.get(lane).put(check, step)).as("a check is reported once").isNull();
    }

    @Override
    public void progress(int step, double tokensPerSecond) {
        assertThat(tokensPerSecond).isPositive();
        progress.add(step);
    }

    @Override
    public boolean cancelRequested() {
        return !progress.isEmpty() && cancelAfterStep.test(progress.get(progress.size() - 1));
    }
}
