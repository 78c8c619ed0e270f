package dev.losslens.comparison;

import static dev.losslens.system.words.Wording.sentence;

import dev.losslens.conversation.AnswerSpan;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.training.LaneSpec;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSourceResolvable;

/**
 * A lane whose final weights are stored, so the explorer can read with them under {@link #checkpointId()}.
 *
 * @param withBug whether its pipeline had a bug; which one is not said, as the run may be a mystery
 */
public record TrainedLane(long comparisonId, int index, ObjectiveKind objective, double promptWeight,
                          LaneSpec.Init init, AnswerSpan answerSpan, boolean withBug) {

    private static final Pattern CHECKPOINT_ID = Pattern.compile("run-(\\d{1,18})-lane-(\\d)");

    public static String checkpointId(long comparisonId, int lane) {
        return "run-" + comparisonId + "-lane-" + lane;
    }

    public String checkpointId() {
        return checkpointId(comparisonId, index);
    }

    /** What the lane optimised and where it started, in the reader's words. */
    public MessageSourceResolvable label() {
        MessageSourceResolvable lane = LaneLabel.of(objective, promptWeight, init, answerSpan, false);
        return withBug ? sentence("lane.some-bug", lane) : lane;
    }

    /** A lane of a comparison, as a checkpoint id names it. */
    public record Ref(long comparisonId, int lane) {
    }

    /** The lane a checkpoint id names; empty for any other id. */
    public static Optional<Ref> parseCheckpointId(String id) {
        Matcher lane = CHECKPOINT_ID.matcher(id);
        return lane.matches()
                ? Optional.of(new Ref(Long.parseLong(lane.group(1)), Integer.parseInt(lane.group(2))))
                : Optional.empty();
    }
}
