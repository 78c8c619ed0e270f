package dev.losslens.quiz.authored;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One option of a choice question.
 *
 * @param feedback what a learner who picks it reads; optional
 */
public record QuestionOption(@Schema(example = "Only the response tokens and end-of-text") String text,
                             @Schema(example = "true") Boolean correct,
                             @Schema(example = "Right: the prompt is read, not scored.") String feedback) {
}
