package dev.losslens.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.comparison.ComparisonView.LaneView;
import dev.losslens.conversation.AnswerSpan;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.system.words.EnglishWording;
import dev.losslens.system.words.Wording;
import dev.losslens.training.LaneSpec;
import dev.losslens.training.LaneStatus;
import dev.losslens.training.MetricPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunFindingsTest {

    private static final Wording WORDING = EnglishWording.of("messages/runs");

    /** The findings as the API words them. */
    private static List<String> findings(ComparisonStatus status, List<LaneView> lanes) {
        return RunFindings.of(status, lanes).stream().map(WORDING::api).toList();
    }

    private static LaneView lane(int index, String label, LaneSpec.Init init, LaneStatus status, MetricPoint... points) {
        return new LaneView(index, label, ObjectiveKind.INSTRUCTION, 0, init, AnswerSpan.EVERY_TURN, null, false, status, null, null,
                List.of(points));
    }

    private static MetricPoint point(int step, double response, double prompt, double drift) {
        return point(step, response, prompt, drift, 0);
    }

    private static MetricPoint point(int step, double response, double prompt, double drift, double exactMatch) {
        return new MetricPoint(step, step == 0 ? null : 1.0, response, response, prompt, (response + prompt) / 2, exactMatch,
                drift, 1.0);
    }

    @Test
    void sentencesStateTheRunsOwnNumbers() {
        LaneView scratch = lane(0, "Scratch", LaneSpec.Init.SCRATCH, LaneStatus.FINISHED,
                point(0, 7.40, 7.50, 0), point(100, 3.21, 7.45, 1.13));
        LaneView base = lane(1, "Base", LaneSpec.Init.BASE, LaneStatus.FINISHED,
                point(0, 5.00, 9.00, 0), point(100, 1.50, 8.70, 0.10));

        List<String> findings = findings(ComparisonStatus.FINISHED, List.of(scratch, base));

        assertThat(findings.get(0)).isEqualTo("Held-out response NLL, the shared scoreboard: Scratch 7.40 → 3.21; "
                + "Base 5.00 → 1.50. Base ends lowest.");
        assertThat(findings.get(1)).isEqualTo("Held-out prompt NLL: Scratch 7.50 → 7.45; Base 9.00 → 8.70.");
        assertThat(findings.get(2)).isEqualTo("Parameter drift ‖θ − θ₀‖ / ‖θ₀‖ at the end: Scratch 1.13; Base 0.10.");
        assertThat(findings.get(3)).contains("(at most 0.10)", "(at least 1.13)", "moderate adjustment");
        assertThat(findings.get(4)).isEqualTo("Exact match on the answered held-out prompts: Scratch 0 % → 0 %; "
                + "Base 0 % → 0 %.");
    }

    @Test
    void aConversationRunAlsoStatesEveryTurnNllWhichDiffersFromItsLastTurnNll() {
        LaneView everyTurn = lane(0, "Every turn", LaneSpec.Init.BASE, LaneStatus.FINISHED,
                new MetricPoint(0, null, 7.31, 7.31, 10.16, 9.0, 0, 0, 1.0),
                new MetricPoint(300, 1.5, 3.22, 1.90, 9.37, 9.1, 0, 0.13, 1.0));
        LaneView lastTurn = lane(1, "Last turn", LaneSpec.Init.BASE, LaneStatus.FINISHED,
                new MetricPoint(0, null, 7.31, 7.31, 10.16, 9.0, 0, 0, 1.0),
                new MetricPoint(300, 2.3, 3.21, 5.41, 9.70, 9.4, 0, 0.10, 1.0));

        assertThat(findings(ComparisonStatus.FINISHED, List.of(everyTurn, lastTurn)).get(1)).isEqualTo(
                "Held-out NLL on every assistant turn (a conversation's response NLL above scores its last turn only): "
                        + "Every turn 7.31 → 1.90; Last turn 7.31 → 5.41.");
        assertThat(findings(ComparisonStatus.FINISHED, List.of(lane(0, "Pair", LaneSpec.Init.BASE, LaneStatus.FINISHED,
                point(0, 5, 5, 0), point(10, 2, 5, 0.1))))).noneMatch(finding -> finding.contains("every assistant turn"));
    }

    @Test
    void exactMatchNamesItsBestEvaluationWhenTheEndFellBelowIt() {
        LaneView base = lane(0, "Base", LaneSpec.Init.BASE, LaneStatus.FINISHED, point(0, 5, 5, 0, 0),
                point(50, 1, 5, 0.1, 0.6875), point(100, 1.2, 5, 0.1, 0.6875), point(300, 1.5, 5, 0.2, 0.25));

        assertThat(findings(ComparisonStatus.FINISHED, List.of(base))).last().isEqualTo(
                "Exact match on the answered held-out prompts: Base 0 % → 25 % (highest 69 % at step 50).");
    }

    @Test
    void lanesThatPrintTheSameValueEndLevel() {
        LaneView first = lane(0, "First", LaneSpec.Init.SCRATCH, LaneStatus.FINISHED,
                point(0, 7.40, 7.50, 0), point(10, 3.2101, 7.0, 0.1));
        LaneView second = lane(1, "Second", LaneSpec.Init.SCRATCH, LaneStatus.FINISHED,
                point(0, 7.40, 7.50, 0), point(10, 3.2099, 7.1, 0.1));

        assertThat(findings(ComparisonStatus.FINISHED, List.of(first, second)).get(0))
                .endsWith("First and Second end level at 3.21.");
    }

    @Test
    void nothingIsClaimedThatTheNumbersDoNotShow() {
        LaneView scratch = lane(0, "Scratch", LaneSpec.Init.SCRATCH, LaneStatus.FINISHED,
                point(0, 7.4, 7.5, 0), point(10, 7.0, 7.4, 0.05));
        LaneView base = lane(1, "Base", LaneSpec.Init.BASE, LaneStatus.FINISHED,
                point(0, 5.0, 9.0, 0), point(10, 4.0, 8.0, 0.20));

        assertThat(findings(ComparisonStatus.FINISHED, List.of(scratch, base)))
                .as("the base lane moved more here, so no 'moderate adjustment'").hasSize(4)
                .noneMatch(finding -> finding.contains("moderate"));
        assertThat(findings(ComparisonStatus.RUNNING, List.of(scratch, base))).as("not before the end").isEmpty();
        assertThat(findings(ComparisonStatus.CANCELLED, List.of(
                lane(0, "Scratch", LaneSpec.Init.SCRATCH, LaneStatus.CANCELLED, point(0, 7.4, 7.5, 0)))))
                .as("no evaluation after step 0").isEmpty();
    }
}
