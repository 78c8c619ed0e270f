package dev.losslens.training;

import ai.djl.ndarray.NDManager;
import dev.losslens.model.Checkpoints;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the lanes of a comparison in lockstep: at every step each live lane takes the same batch, and at every
 * evaluation step each is measured on the same held-out split. Training as a function: plan in, results out.
 */
public final class LockstepTraining {

    private LockstepTraining() {
    }

    public static List<LaneResult> run(TrainingPlan plan, TrainingListener listener, NDManager manager) {
        List<LaneModel> lanes = new ArrayList<>();
        for (int i = 0; i < plan.lanes().size(); i++) {
            lanes.add(new LaneModel(plan.startingWeights().get(i), plan.lanes().get(i).objective(),
                    plan.learningRate(), manager));
        }
        try {
            return train(plan, lanes, listener);
        } finally {
            lanes.forEach(LaneModel::close);
        }
    }

    private static List<LaneResult> train(TrainingPlan plan, List<LaneModel> lanes, TrainingListener listener) {
        int n = lanes.size();
        Integer[] divergedAt = new Integer[n];
        double[] lossSum = new double[n];
        int[] lossSteps = new int[n];
        BatchOrder order = new BatchOrder(plan.training(), plan.batchSize(), plan.seed());
        for (int lane = 0; lane < n; lane++) {
            evaluate(plan, lanes.get(lane), lane, 0, null, listener);
        }
        long started = System.nanoTime();
        long tokens = 0;
        boolean cancelled = false;
        for (int step = 1; step <= plan.steps(); step++) {
            if (listener.cancelRequested()) {
                cancelled = true;
                break;
            }
            TrainingBatch batch = order.next();
            for (int lane = 0; lane < n; lane++) {
                if (divergedAt[lane] != null) {
                    continue;
                }
                double loss = lanes.get(lane).step(batch);
                if (!Double.isFinite(loss)) {
                    divergedAt[lane] = step;
                    listener.diverged(lane, step);
                    continue;
                }
                lossSum[lane] += loss;
                lossSteps[lane]++;
                tokens += batch.tokenCount();
            }
            listener.progress(step, tokens / ((System.nanoTime() - started) / 1e9));
            if (step % plan.evalEvery() == 0 || step == plan.steps()) {
                for (int lane = 0; lane < n; lane++) {
                    if (divergedAt[lane] == null && lossSteps[lane] > 0) {
                        evaluate(plan, lanes.get(lane), lane, step, lossSum[lane] / lossSteps[lane], listener);
                        lossSum[lane] = 0;
                        lossSteps[lane] = 0;
                    }
                }
            }
        }
        List<LaneResult> results = new ArrayList<>(n);
        for (int lane = 0; lane < n; lane++) {
            LaneStatus status = divergedAt[lane] != null ? LaneStatus.DIVERGED
                    : cancelled ? LaneStatus.CANCELLED : LaneStatus.FINISHED;
            byte[] weights = divergedAt[lane] != null ? null : Checkpoints.toBytes(lanes.get(lane).model().weights());
            results.add(new LaneResult(status, divergedAt[lane], weights));
        }
        return results;
    }

    private static void evaluate(TrainingPlan plan, LaneModel lane, int index, int step, Double trainLoss,
                                 TrainingListener listener) {
        List<Generation> answers = new ArrayList<>();
        HeldOutMetrics metrics = plan.evaluator().measure(lane.model(), answers);
        // answers first: a stored point tells readers that everything for its step is there
        listener.generations(index, step, answers);
        listener.point(index, new MetricPoint(step, trainLoss, metrics.responseNll(), metrics.promptNll(),
                metrics.fullNll(), metrics.exactMatch(), lane.drift()));
    }
}
