package dev.losslens.quiz.grading;

import dev.losslens.quiz.bank.BugZoo;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An item as a learner sees it before answering: never its answer.
 *
 * @param question the stem, the statement to judge, or the task of a token item
 * @param options choices (choice, multiple) or reasons (true-false); empty for token items
 * @param tokens the pair's tokens (mark-targets, compute-loss) or the conversation's (mark-trained); empty otherwise
 * @param effects the effects to pick from (mask-bug), else empty
 * @param tolerance how close a computed answer must be (compute-loss), else null
 * @param evidence the mystery run whose bug is to be named, as far as it has got (diagnose), else null
 */
public record ItemView(@Schema(example = "whole-entire-sequence") String id,
                       @Schema(example = "whole-sequence-misconception") String concept,
                       @Schema(example = "true-false") String kind, @Schema(example = "0") int variant,
                       @Schema(example = "During instruction fine-tuning the objective is to maximise the probability "
                               + "of the entire input-output sequence.") String question, List<String> options,
                       List<String> effects, List<Chip> tokens, Double tolerance, BugZoo.Evidence evidence) {

    /** An item that shows no run. */
    ItemView(String id, String concept, String kind, int variant, String question, List<String> options,
             List<String> effects, List<Chip> tokens, Double tolerance) {
        this(id, concept, kind, variant, question, options, effects, tokens, tolerance, null);
    }
}
