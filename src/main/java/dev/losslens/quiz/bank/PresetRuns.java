package dev.losslens.quiz.bank;

import java.util.List;

/**
 * The lab's preset runs as the quiz observes them: a prediction is graded against the real stored run, never a
 * constant. The lab provides it, so the quiz knows nothing of how runs are stored or trained.
 */
public interface PresetRuns {

    /** The preset's lane labels, in lane order. */
    List<String> lanes(String preset);

    /** The newest finished run of the preset; if there is none, one is started (or joined) and reported unfinished. */
    Observation observe(String preset);

    /** A run of a preset, as far as it has got. */
    record Observation(long run, boolean finished, int stepsDone, int steps, List<ObservedLane> lanes) {
    }

    /** One lane's figures at step 0 and at its last evaluation. */
    record ObservedLane(String label, String init, String objective, double responseNll, double firstPromptNll,
                        double lastPromptNll, double exactMatch, double drift) {
    }
}
