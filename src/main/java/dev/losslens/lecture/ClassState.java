package dev.losslens.lecture;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What every screen of a class session shows, as one snapshot: the deck's step and, if the step asks something, its
 * poll, and the comparison the class's λ answers started. Results are in it only once the presenter has revealed them, so no page or stream can leak them earlier.
 */
record ClassState(@Schema(example = "K7QMF") String code, @Schema(example = "4") int step,
                  @Schema(example = "11") int steps, @Schema(example = "predict") String stepId,
                  @Schema(example = "Your prediction") String title, @Schema(example = "poll") Deck.Kind kind,
                  @Schema(example = "false") boolean blank, Long crowdRun, PollView poll) {

    /**
     * A poll as the class sees it: how many have answered, and the results once revealed.
     *
     * @param shownMin   a number question's bounds written plainly ("0.001", never "1E-3"), else null
     * @param round      1, or 2 once the presenter asked the question again after the class discussed it
     * @param firstRound a second round's revealed first-round results, else null
     * @param movedToRight once a second round's answer is shown: how many chose another option in the first round
     *                   and the right one in the second, else null
     */
    record PollView(String question, String text, List<String> options, Double min, Double max,
                    @Schema(example = "0") String shownMin, @Schema(example = "1") String shownMax,
                    PollState state, int answered, Results results, @Schema(example = "1") int round,
                    Results firstRound, @Schema(example = "7") Integer movedToRight) {
    }

    /**
     * @param labels one per option, or one per bin of a number question
     * @param right the right option's index; null for a number question, while the run that answers a
     *              prediction has not finished, or until the presenter shows a second round's answer
     * @param median the median answer of a number question, else null
     */
    record Results(List<String> labels, List<Integer> counts, Integer right, Double median) {
    }
}
