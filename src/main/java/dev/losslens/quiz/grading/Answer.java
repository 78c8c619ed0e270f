package dev.losslens.quiz.grading;

import java.util.List;

/**
 * A learner's answer; which fields it needs depends on the item's kind.
 *
 * @param choices chosen option indexes (choice: one; multiple: any)
 * @param truth the judgement of a true-false statement
 * @param reason the chosen reason's index (true-false)
 * @param positions the token positions marked as targets (mark-targets, mark-trained)
 * @param value the computed loss (compute-loss)
 * @param variant the variant answered; the learner's own when absent
 */
public record Answer(List<Integer> choices, Boolean truth, Integer reason, List<Integer> positions, Double value,
                     Integer variant) {
}
