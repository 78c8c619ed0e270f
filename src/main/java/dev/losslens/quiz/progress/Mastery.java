package dev.losslens.quiz.progress;

import dev.losslens.system.words.Wording;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;

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

    /** The share in words, for the pages ({@code @wording.page(m.summary())}). */
    public MessageSourceResolvable summary() {
        String code = answered != 1 ? "quiz.mastery.some" : right == 1 ? "quiz.mastery.one-right"
                : "quiz.mastery.one-wrong";
        return Wording.sentence(code, right, answered);
    }
}
