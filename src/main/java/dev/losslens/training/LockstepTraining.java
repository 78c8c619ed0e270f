package dev.losslens.training;

import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * Trains the lanes of one comparison on their own: at every step each live lane takes the same batch, and at every
 * evaluation step each is measured on the same held-out split. Training as a function: plan in, results out.
 */
public final class LockstepTraining {

    private LockstepTraining() {
    }

    public static List<LaneResult> run(TrainingPlan plan, TrainingListener listener, NDManager manager) {
        try (LaneStack stack = new LaneStack(plan.startingWeights().get(0).config(), manager)) {
            Enrolment comparison = stack.join(plan, listener);
            while (!comparison.ended()) {
                stack.step();
            }
            return comparison.results();
        }
    }
}
