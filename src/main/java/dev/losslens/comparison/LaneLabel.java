package dev.losslens.comparison;

import static dev.losslens.system.words.Wording.sentence;

import dev.losslens.comparison.ComparisonConfig.LaneConfig;
import dev.losslens.comparison.ComparisonView.LaneView;
import dev.losslens.conversation.AnswerSpan;
import dev.losslens.notation.PlainNumber;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.training.LaneSpec;
import dev.losslens.training.PipelineBug;
import java.util.List;
import java.util.stream.IntStream;
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
     * pre-training objective, which counts every token whatever the span. Every-turn is named too when the lanes beside
     * it ({@code spansDiffer}) train other spans, so that no lane of a conversation race goes unnamed.
     */
    public static MessageSourceResolvable of(ObjectiveKind objective, double promptWeight, LaneSpec.Init init,
                                             AnswerSpan span, boolean spansDiffer) {
        MessageSourceResolvable what = sentence("lane." + objective.key(), PlainNumber.significant(promptWeight, 4));
        if (objective != ObjectiveKind.PRETRAINING && (span != AnswerSpan.EVERY_TURN || spansDiffer)) {
            what = sentence("lane.span-" + span.key(), what);
        }
        return sentence("lane.from-" + init.key(), what);
    }

    /** Whether lanes that pick their targets by answer span pick different spans. */
    public static boolean spansDiffer(List<ObjectiveKind> objectives, List<AnswerSpan> spans) {
        return IntStream.range(0, spans.size()).filter(i -> objectives.get(i) != ObjectiveKind.PRETRAINING)
                .mapToObj(spans::get).distinct().count() > 1;
    }

    /** Every lane's name, each named beside the others; in a mystery, a lane's bug is not named. */
    public static List<MessageSourceResolvable> ofConfigs(List<LaneConfig> lanes, boolean mystery) {
        boolean differ = spansDiffer(lanes.stream().map(LaneConfig::objective).toList(),
                lanes.stream().map(LaneConfig::answerSpan).toList());
        return lanes.stream().map(lane -> withBug(of(lane.objective(), lane.promptWeight(), lane.init(),
                lane.answerSpan(), differ), lane.bug(), mystery && lane.bug() != null)).toList();
    }

    /** A run's lane named beside the run's other lanes. */
    public static MessageSourceResolvable of(LaneView lane, List<LaneView> lanes) {
        boolean differ = spansDiffer(lanes.stream().map(LaneView::objective).toList(),
                lanes.stream().map(LaneView::answerSpan).toList());
        return withBug(of(lane.objective(), lane.promptWeight(), lane.init(), lane.answerSpan(), differ), lane.bug(),
                lane.hiddenBug());
    }

    /** A lane's name with its pipeline bug, or with "a hidden bug" when the bug is a mystery. */
    private static MessageSourceResolvable withBug(MessageSourceResolvable lane, PipelineBug bug, boolean hidden) {
        if (hidden) {
            return sentence("lane.hidden-bug", lane);
        }
        return bug == null ? lane : sentence("lane.with-bug", lane, sentence("bug." + bug.key() + ".title"));
    }
}
