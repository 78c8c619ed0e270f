package dev.losslens.comparison;

import static dev.losslens.system.words.Wording.sentence;

import dev.losslens.comparison.ComparisonConfig.LaneConfig;
import dev.losslens.comparison.ComparisonView.LaneView;
import dev.losslens.conversation.AnswerSpan;
import dev.losslens.notation.PlainNumber;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.training.LaneSpec;
import org.springframework.context.MessageSourceResolvable;

/**
 * A lane's name as people read it, from the runs bundle's {@code lane.*} words: "Pre-training objective, from base",
 * "λ = 0.1, from scratch" (λ to four significant digits, however small). A run stores its lanes' names in English.
 */
public final class LaneLabel {

    private LaneLabel() {
    }

    /**
     * The answer span is named when it changes the targets: not on every-turn (every pair lane), and not under the
     * pre-training objective, which counts every token whatever the span.
     */
    public static MessageSourceResolvable of(ObjectiveKind objective, double promptWeight, LaneSpec.Init init,
                                             AnswerSpan span) {
        MessageSourceResolvable what = sentence("lane." + objective.key(), PlainNumber.significant(promptWeight, 4));
        if (span != AnswerSpan.EVERY_TURN && objective != ObjectiveKind.PRETRAINING) {
            what = sentence("lane.span-" + span.key(), what);
        }
        return sentence("lane.from-" + init.key(), what);
    }

    public static MessageSourceResolvable of(LaneConfig lane) {
        return of(lane.objective(), lane.promptWeight(), lane.init(), lane.answerSpan());
    }

    public static MessageSourceResolvable of(LaneView lane) {
        return of(lane.objective(), lane.promptWeight(), lane.init(), lane.answerSpan());
    }
}
