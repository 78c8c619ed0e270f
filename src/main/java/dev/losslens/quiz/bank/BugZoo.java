package dev.losslens.quiz.bank;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The bug zoo's mystery runs as the quiz observes them: a correct instruction lane beside the same lane with one
 * pipeline bug, the bug unnamed. The web layer provides it, so the quiz knows bugs by their keys only and nothing of
 * how runs are trained or stored.
 */
public interface BugZoo {

    /** Every bug's key, in the order learners pick from. */
    List<String> bugs();

    /** Every bug's title, in the order of {@link #bugs()}, in the reader's language. */
    List<String> titles();

    /**
     * The newest finished mystery run of the bug; if there is none, one is started (or joined) and reported as far as
     * it has got.
     */
    Evidence observe(String bug);

    /** The newest finished mystery run of the bug, without starting one. */
    Optional<Evidence> finished(String bug);

    /** The bug as the reveal tells it, with the checks the lanes of {@code run} failed. */
    Reveal reveal(String bug, long run);

    /**
     * A mystery run's symptoms, as far as it has got: each lane's figures at step 0 and at its last evaluation, and a
     * few of each lane's latest answers, item by item.
     *
     * @param ended whether the run has stopped training: finished, or cancelled, failed or interrupted on the way
     */
    record Evidence(long run, boolean finished, boolean ended, int stepsDone, int steps, List<LaneSymptoms> lanes,
                    List<HeldOutAnswers> answers) {
    }

    /**
     * @param trainLoss  the mean training loss over the steps before the last evaluation; null before any step
     * @param stopped    the share of answers that ended with end-of-text, null where not recorded
     * @param divergedAt the step at which the lane's loss stopped being a number, or null
     */
    record LaneSymptoms(String label, Double trainLoss, double firstResponseNll, double responseNll,
                        double firstPromptNll, double promptNll, double exactMatch, Double stopped, double drift,
                        Integer divergedAt) {
    }

    /** One held-out prompt and the lanes' answers to it. */
    record HeldOutAnswers(String prompt, String expected, List<LaneAnswer> lanes) {
    }

    /**
     * @param lane    the index of the lane that answered
     * @param stopped whether the answer ended with end-of-text before the length limit; null if not recorded
     */
    record LaneAnswer(int lane, String label, String generated, boolean correct, Boolean stopped) {
    }

    /**
     * @param how    what the pipeline does wrong
     * @param story  what happened where it was reported
     * @param check  what the check that catches it asserts
     * @param lanes  what the run's own checks found, lane by lane
     * @param caught where the check that catches the bug first failed in the lane with the bug; null if it never did
     */
    record Reveal(String key, String title, String how, String story, List<URI> reports, String check,
                  List<CheckedLane> lanes, Caught caught) {
    }

    /** The lane with the bug, and the step whose batch first failed the check that catches it. */
    record Caught(int lane, int step) {
    }

    /** A lane's failed checks; none when it passed them all. */
    record CheckedLane(int index, String label, List<FailedCheck> failed) {
    }

    /** @param firstStep the step whose batch first failed the check */
    record FailedCheck(String check, int firstStep) {
    }
}
