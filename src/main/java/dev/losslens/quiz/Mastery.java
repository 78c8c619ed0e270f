package dev.losslens.quiz;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * How well a learner knows a concept: the share right among their most recent answers to it.
 *
 * @param answered how many recent answers the share is over (at most {@link AnswerStore#RECENT})
 */
public record Mastery(@Schema(example = "3") int right, @Schema(example = "5") int answered) {

    static Mastery of(List<Boolean> recent) {
        return new Mastery((int) recent.stream().filter(Boolean::booleanValue).count(), recent.size());
    }

    public double share() {
        return answered == 0 ? 0 : (double) right / answered;
    }

    /** The share in words, for the pages. */
    public String summary() {
        if (answered == 1) {
            return right == 1 ? "your one answer so far is right" : "your one answer so far is wrong";
        }
        return "%d of your last %d answers right".formatted(right, answered);
    }
}
