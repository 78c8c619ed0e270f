package dev.losslens.comparison;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.losslens.conversation.AnswerSpan;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.training.LaneSpec;
import dev.losslens.training.LaneStatus;
import dev.losslens.training.MetricPoint;
import dev.losslens.training.PipelineBug;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.MessageSourceResolvable;

/**
 * A comparison as the API and the run page show it.
 *
 * @param replayOf the original run whose stored result this one replays, or null
 * @param queuePosition comparisons waiting ahead of this one (queued only)
 * @param etaSeconds estimated seconds until finished (queued or running)
 * @param message why the run ended without finishing, in English ({@link RunMessage}), or null
 * @param reason the same, for a page to word in its reader's language
 * @param findings what the run's numbers show, in English sentences, once it has ended ({@link RunFindings})
 */
public record ComparisonView(@Schema(example = "7") long id,
                             @Schema(example = "running") ComparisonStatus status,
                             Long replayOf, ComparisonConfig config, @Schema(example = "120") int stepsDone,
                             Integer queuePosition, @Schema(example = "18.5") Double etaSeconds,
                             @Schema(example = "2400") Double tokensPerSecond, Instant createdAt,
                      Instant startedAt, Instant finishedAt, String message,
                      @JsonIgnore MessageSourceResolvable reason, List<LaneView> lanes,
                      List<GenerationView> generations, List<String> findings) {

    /** The same run with each lane named by {@code label}. */
    public ComparisonView withLaneLabels(Function<LaneView, String> label) {
        return new ComparisonView(id, status, replayOf, config, stepsDone, queuePosition, etaSeconds, tokensPerSecond,
                createdAt, startedAt, finishedAt, message, reason, lanes.stream().map(lane -> new LaneView(lane.index(),
                        label.apply(lane), lane.objective(), lane.promptWeight(), lane.init(), lane.answerSpan(),
                        lane.bug(), lane.hiddenBug(), lane.status(),
                        lane.divergedAt(), lane.checkpoint(), lane.metrics())).toList(), generations, findings);
    }

    /**
     * @param bug        the pipeline bug planted in the lane; null when it has none or when it is a mystery
     * @param hiddenBug  whether the lane has a bug that this mystery run does not name
     * @param checkpoint the explorer checkpoint id of the lane's final weights, or null
     */
    public record LaneView(int index, String label, ObjectiveKind objective, double promptWeight, LaneSpec.Init init,
                           @Schema(example = "last-turn") AnswerSpan answerSpan, PipelineBug bug, boolean hiddenBug,
                           LaneStatus status, Integer divergedAt, String checkpoint, List<MetricPoint> metrics) {
    }

    /** @param stopped whether the answer ended with end-of-text before the length limit; null if not recorded */
    public record GenerationView(int lane, int step, String prompt, String expected, String generated, boolean correct,
                                 Boolean stopped) {
    }
}
