package dev.losslens.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.comparison.ComparisonView.GenerationView;
import dev.losslens.comparison.ComparisonView.LaneView;
import dev.losslens.conversation.AnswerSpan;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.system.words.EnglishWording;
import dev.losslens.system.words.Wording;
import dev.losslens.training.LaneSpec;
import dev.losslens.training.LaneStatus;
import dev.losslens.training.MetricPoint;
import dev.losslens.training.PipelineBug;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RunFindingsTest {

    private static final Wording WORDING = EnglishWording.of("messages/runs");

    private static final int ANSWERED = 16;

    /** The findings as the API words them, each lane having answered 16 held-out prompts. */
    private static List<String> findings(ComparisonStatus status, List<LaneView> lanes) {
        List<GenerationView> answers = lanes.stream().flatMap(lane -> IntStream.range(0, ANSWERED).mapToObj(i ->
                new GenerationView(lane.index(), 30, "Prompt " + i, "Answer", "Answer", true, true))).toList();
        return RunFindings.of(status, lanes, answers).stream().map(WORDING::api).toList();
    }

    private static LaneView lane(int index, String label, LaneSpec.Init init, LaneStatus status, MetricPoint... points) {
        return lane(index, label, null, init, status, points);
    }

    private static LaneView lane(int index, String label, PipelineBug bug, LaneSpec.Init init, LaneStatus status,
                                 MetricPoint... points) {
        return new LaneView(index, label, ObjectiveKind.INSTRUCTION, 0, init, AnswerSpan.EVERY_TURN, bug, false, status,
                status == LaneStatus.DIVERGED ? points[points.length - 1].step() : null, null, List.of(points));
    }

    /** An evaluation with a training loss, a held-out response NLL, a drift and the share of answers that stopped. */
    private static MetricPoint at(int step, Double trainLoss, double response, double drift, double stopped) {
        return new MetricPoint(step, trainLoss, response, response, 5, 5, 0, drift, stopped);
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
        assertThat(findings(ComparisonStatus.FINISHED, List.of(scratch, base)))
                .as("answers that stop alike, a loss that is not 0, a held-out NLL that fell")
                .noneMatch(finding -> finding.contains("end-of-text") || finding.contains("at every step")
                        || finding.contains("rose"));
        assertThat(findings(ComparisonStatus.RUNNING, List.of(scratch, base))).as("not before the end").isEmpty();
        assertThat(findings(ComparisonStatus.CANCELLED, List.of(
                lane(0, "Scratch", LaneSpec.Init.SCRATCH, LaneStatus.CANCELLED, point(0, 7.4, 7.5, 0)))))
                .as("no evaluation after step 0").isEmpty();
    }

    @Test
    void answersThatNeverStopAreCountedBesideAnotherLanesThatDo() {
        LaneView stopping = lane(0, "Lane A", LaneSpec.Init.BASE, LaneStatus.FINISHED,
                at(0, null, 3.0, 0, 0.25), at(30, 1.2, 1.5, 0.05, 0.9375));
        LaneView running = lane(1, "Lane B", LaneSpec.Init.BASE, LaneStatus.FINISHED,
                at(0, null, 3.0, 0, 0.25), at(30, 1.0, 1.6, 0.05, 0));

        assertThat(findings(ComparisonStatus.FINISHED, List.of(stopping, running))).contains(
                "Greedy answers that ended with end-of-text before the length limit: Lane A 15 of 16; Lane B 0 of 16.");
        assertThat(findings(ComparisonStatus.FINISHED, List.of(stopping, lane(1, "Lane B", LaneSpec.Init.BASE,
                LaneStatus.FINISHED, at(0, null, 3.0, 0, 0.25), at(30, 1.0, 1.6, 0.05, 0.5)))))
                .as("no lane at three quarters and another at a quarter")
                .noneMatch(finding -> finding.contains("end-of-text"));
    }

    @Test
    void aTrainingLossOfZeroAtEveryStepIsStatedWithHowLittleTheWeightsMoved() {
        LaneView trained = lane(0, "Lane A", LaneSpec.Init.BASE, LaneStatus.FINISHED,
                at(0, null, 3.0, 0, 1), at(10, 2.0, 2.0, 0.04, 1), at(20, 1.5, 1.6, 0.06, 1));
        LaneView zero = lane(1, "Lane B", LaneSpec.Init.BASE, LaneStatus.FINISHED,
                at(0, null, 3.0, 0, 1), at(10, 0.0, 3.0, 0.0011, 1), at(20, 0.0, 3.0, 0.00213, 1));

        assertThat(findings(ComparisonStatus.FINISHED, List.of(trained, zero))).contains("Lane B: training loss 0 at "
                + "every step, while the weights moved 0.0021 from where they started (‖θ − θ₀‖ / ‖θ₀‖).")
                .filteredOn(finding -> finding.contains("0 at every step")).hasSize(1);
    }

    @Test
    void aHeldOutNllThatRoseWhileTheTrainingLossFellIsStated() {
        LaneView rose = lane(0, "Lane A", LaneSpec.Init.BASE, LaneStatus.FINISHED,
                at(0, null, 2.80, 0, 1), at(10, 4.0, 3.1, 0.2, 1), at(20, 0.9, 4.27, 0.3, 1));
        LaneView fell = lane(1, "Lane B", LaneSpec.Init.BASE, LaneStatus.FINISHED,
                at(0, null, 2.80, 0, 1), at(10, 2.0, 2.0, 0.1, 1), at(20, 1.5, 1.7, 0.1, 1));

        assertThat(findings(ComparisonStatus.FINISHED, List.of(rose, fell))).contains(
                "Lane A: training loss fell from 4.00 to 0.90 while held-out response NLL rose from 2.80 to 4.27.")
                .filteredOn(finding -> finding.contains("rose from")).hasSize(1);
    }

    /** Symptoms, never verdicts: whatever bug a lane has, no finding names one, by its key or by its title. */
    @Test
    void noFindingNamesABug() {
        List<String> names = Arrays.stream(PipelineBug.values()).flatMap(bug -> Stream.of(bug.key(),
                WORDING.api(Wording.sentence("bug." + bug.key() + ".title")))).toList();
        for (PipelineBug bug : PipelineBug.values()) {
            LaneView correct = lane(0, "Lane A", LaneSpec.Init.BASE, LaneStatus.FINISHED,
                    at(0, null, 2.8, 0, 0.25), at(10, 2.0, 2.0, 0.1, 0.9), at(20, 1.5, 1.7, 0.1, 1));
            LaneView zero = lane(1, "Lane B", bug, LaneSpec.Init.BASE, LaneStatus.FINISHED,
                    at(0, null, 2.8, 0, 0.25), at(10, 0.0, 2.8, 0.001, 0), at(20, 0.0, 2.8, 0.002, 0));
            LaneView rose = lane(2, "Lane C", bug, LaneSpec.Init.SCRATCH, LaneStatus.FINISHED,
                    at(0, null, 2.8, 0, 0.25), at(10, 3.0, 3.1, 0.5, 0), at(20, 1.0, 4.0, 0.9, 0));
            LaneView diverged = lane(3, "Lane D", bug, LaneSpec.Init.BASE, LaneStatus.DIVERGED,
                    at(0, null, 2.8, 0, 0.25), at(10, 2.5, 2.7, 0.1, 0.5));

            List<String> findings = findings(ComparisonStatus.FINISHED, List.of(correct, zero, rose, diverged));

            assertThat(findings).as("every symptom is stated").anyMatch(f -> f.startsWith("Greedy answers"))
                    .anyMatch(f -> f.contains("0 at every step")).anyMatch(f -> f.contains("rose from"))
                    .anyMatch(f -> f.contains("diverged at step 10"));
            assertThat(findings).allSatisfy(finding -> assertThat(names).noneMatch(finding::contains));
        }
    }
}
