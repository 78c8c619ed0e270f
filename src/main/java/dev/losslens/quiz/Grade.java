package dev.losslens.quiz;

import java.util.List;

/**
 * The verdict on one answer, with what to read next.
 *
 * @param feedback sentences for the learner, the chosen options' own feedback first
 * @param right the right answer in the same shape as {@link Answer}
 * @param worked the worked computation (compute-loss) or the right mask (mark-targets), token by token
 */
public record Grade(boolean correct, List<String> feedback, Answer right, List<WorkedToken> worked) {

    /** One token of the feedback: whether it is a target and with what weight, and its loss where it counts. */
    public record WorkedToken(int position, String text, String role, double weight, Double nll, boolean marked) {
    }
}
