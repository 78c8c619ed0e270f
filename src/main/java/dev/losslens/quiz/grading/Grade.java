package dev.losslens.quiz.grading;

import dev.losslens.quiz.bank.BugZoo;
import java.util.List;

/**
 * The verdict on one answer, with what to read next.
 *
 * @param feedback sentences for the learner, the chosen options' own feedback first
 * @param right the right answer in the same shape as {@link Answer}
 * @param worked the worked computation (compute-loss) or the right mask (mark-targets, mark-trained), token by token
 * @param observed the run a prediction was graded against, or null for every other kind
 * @param revealed the bug a diagnosis named, told in full with the run's own checks; null for every other kind
 */
public record Grade(boolean correct, List<String> feedback, Answer right, List<WorkedToken> worked,
                    ObservedRun observed, BugZoo.Reveal revealed) {

    Grade(boolean correct, List<String> feedback, Answer right, List<WorkedToken> worked) {
        this(correct, feedback, right, worked, null, null);
    }

    /** One token of the feedback: whether it is a target and with what weight, and its loss where it counts. */
    public record WorkedToken(int position, String text, String role, double weight, Double nll, boolean marked) {
    }

    /** The predicted metric as the run measured it: one bar per lane, all on the scale of the largest value. */
    public record ObservedRun(long run, String metric, double largest, List<Bar> bars) {
    }

    /** One lane's value at the end, and at step 0 where the prediction is about a change. */
    public record Bar(String lane, Double start, double end) {
    }
}
