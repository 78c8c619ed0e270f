package dev.losslens.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslens.conversation.AnswerSpan;
import dev.losslens.dataset.PromptResponsePair;
import dev.losslens.dataset.SampleDatasets;
import dev.losslens.dataset.Split;
import dev.losslens.model.BaseCheckpoint;
import dev.losslens.model.DjlTestThread;
import dev.losslens.model.GptParameters;
import dev.losslens.objective.LossObjective;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Every pipeline bug trained for real beside a correct lane, on the chat set from the pre-trained base: each shows the
 * symptom its incident reported, fails the check that names it, and leaves the correct lane's numbers as they are
 * when it trains alone.
 */
class BugLanesTest {

    private static final DjlTestThread DJL = new DjlTestThread("test-bug-lanes");
    private static final Tokenizer TOKENIZER = Tokenizer.bundled();
    private static final InstructionTemplate TEMPLATE = new InstructionTemplate(TOKENIZER);
    private static final SampleDatasets DATASETS = new SampleDatasets(new DefaultResourceLoader());
    private static final String DATASET = "chat";
    private static final int STEPS = 60;
    private static final int BATCH = 16;
    /** 242 examples in batches of 16: the first epoch ends two rows into step 16. */
    private static final int EPOCH_ENDS = 16;

    private static final LaneSpec CORRECT = lane(null);
    private static final List<PipelineBug> BUGS = List.of(PipelineBug.values());

    private static Recording beside;
    private static Recording alone;
    private static List<LaneResult> besideResults;

    private static LaneSpec lane(PipelineBug bug) {
        return new LaneSpec(LossObjective.INSTRUCTION, AnswerSpan.EVERY_TURN, LaneSpec.Init.BASE, bug);
    }

    @BeforeAll
    static void train() {
        List<LaneSpec> lanes = Stream.concat(Stream.of(CORRECT), BUGS.stream().map(BugLanesTest::lane)).toList();
        beside = new Recording(lanes.size(), step -> false);
        besideResults = DJL.run(manager -> LockstepTraining.run(plan(lanes, manager), beside, manager));
        alone = new Recording(1, step -> false);
        DJL.run(manager -> LockstepTraining.run(plan(List.of(CORRECT), manager), alone, manager));
    }

    @AfterAll
    static void stop() {
        DJL.close();
    }

    private static TrainingPlan plan(List<LaneSpec> lanes, ai.djl.ndarray.NDManager manager) {
        GptParameters base = BaseCheckpoint.load(manager);
        List<GptParameters> start = new ArrayList<>();
        lanes.forEach(lane -> start.add(base));
        List<PromptResponsePair> heldOut = DATASETS.pairs(DATASET, Split.HELDOUT);
        TrainingSplit split = TrainingSplit.ofPairs(DATASETS.pairs(DATASET, Split.TRAIN).stream()
                .map(pair -> TEMPLATE.render(pair.prompt(), pair.response())).toList());
        return new TrainingPlan(lanes, start, split, new Evaluator(heldOut, 16, TEMPLATE, TOKENIZER), STEPS, BATCH, 7,
                STEPS / 2, 1e-3);
    }

    private static int index(PipelineBug bug) {
        return 1 + BUGS.indexOf(bug);
    }

    private static MetricPoint last(int lane) {
        List<MetricPoint> points = beside.points.get(lane);
        return points.get(points.size() - 1);
    }

    private static MetricPoint first(int lane) {
        return beside.points.get(lane).get(0);
    }

    @Test
    void theCorrectLaneBesideEveryBugTrainsAsItDoesAlone() {
        assertThat(beside.points.get(0)).as("every point of the correct lane").isEqualTo(alone.points.get(0));
        assertThat(beside.generations.get(0)).as("its answers").isEqualTo(alone.generations.get(0));
        assertThat(beside.failedChecks.get(0)).as("the correct pipeline passes every check").isEmpty();
    }

    @Test
    void everyBugFailsTheCheckThatNamesIt() {
        for (PipelineBug bug : BUGS) {
            Map<PipelineCheck, Integer> failed = beside.failedChecks.get(index(bug));
            int expectedStep = bug == PipelineBug.EMPTY_MICRO_BATCH ? EPOCH_ENDS : 1;
            assertThat(failed).as(bug.key()).containsEntry(bug.caughtBy(), expectedStep);
        }
    }

    @Test
    void theMaskDroppedLaneLearnsThePromptsAndAnswersWorse() {
        MetricPoint correct = last(0);
        MetricPoint dropped = last(index(PipelineBug.MASK_DROPPED));
        assertThat(dropped.responseNll()).as("held-out response NLL").isGreaterThan(correct.responseNll());
        assertThat(dropped.promptNll()).as("it has learnt to predict the prompts").isLessThan(correct.promptNll() - 1);
    }

    @Test
    void aTemplateWithoutAGenerationBlockTrainsNothingWhileItsLossReadsZero() {
        int lane = index(PipelineBug.NO_GENERATION_BLOCK);
        assertThat(beside.points.get(lane).subList(1, beside.points.get(lane).size()))
                .allSatisfy(point -> assertThat(point.trainLoss()).isZero());
        assertThat(last(lane).drift()).as("only weight decay moves it").isLessThan(0.01);
        assertThat(last(lane).responseNll()).isCloseTo(first(lane).responseNll(), within(0.05));
        assertThat(last(0).responseNll()).isLessThan(first(0).responseNll() - 1);
    }

    @Test
    void maskingTheEndOfTextLeavesAnswersRunningToTheLengthLimit() {
        int lane = index(PipelineBug.END_OF_TEXT_MASKED);
        assertThat(last(lane).stopped()).as("its answers that stop").isZero();
        assertThat(last(0).stopped()).as("the correct lane's").isGreaterThan(0.5);
        assertThat(beside.generations.get(lane).get(beside.generations.get(lane).size() - 1))
                .noneMatch(Generation::stopped);
    }

    @Test
    void packingWithoutBoundariesAnswersWorseThanTheSameExamplesAlone() {
        assertThat(last(index(PipelineBug.PACKED_WITHOUT_BOUNDARIES)).responseNll())
                .isGreaterThan(last(0).responseNll());
    }

    @Test
    void averagingMicroBatchMeansGivesAnotherLossOnTheSameWeights() {
        // the first step starts from the same weights on the same batch: only the normalisation differs
        double correct = beside.points.get(0).get(1).trainLoss();
        double averaged = beside.points.get(index(PipelineBug.MEAN_OF_MICRO_BATCH_MEANS)).get(1).trainLoss();
        assertThat(averaged).isNotCloseTo(correct, within(1e-4));
    }

    @Test
    void aFullyMaskedMicroBatchDividesZeroByZeroWhereTheEpochEnds() {
        int lane = index(PipelineBug.EMPTY_MICRO_BATCH);
        assertThat(beside.diverged).containsExactly(new int[] {lane, EPOCH_ENDS});
        assertThat(besideResults.get(lane).status()).isEqualTo(LaneStatus.DIVERGED);
        assertThat(besideResults.get(0).status()).isEqualTo(LaneStatus.FINISHED);
    }

    @Test
    void labelsNotShiftedTeachTheModelToCopyItsInput() {
        int lane = index(PipelineBug.LABELS_NOT_SHIFTED);
        assertThat(last(lane).responseNll()).as("next-token prediction got worse")
                .isGreaterThan(first(lane).responseNll());
        assertThat(repeats(lane)).as("generated tokens that repeat the token before them").isGreaterThan(0.5);
        assertThat(repeats(0)).isLessThan(0.2);
    }

    @Test
    void truncatingFromTheRightCutsAnswersAndTheirEnd() {
        MetricPoint cut = last(index(PipelineBug.TRUNCATED_FROM_THE_RIGHT));
        assertThat(cut.responseNll()).isGreaterThan(last(0).responseNll());
        assertThat(cut.stopped()).isLessThan(last(0).stopped());
    }

    /** The share of a lane's last generated tokens that equal the token before them. */
    private static double repeats(int lane) {
        List<List<Generation>> answers = beside.generations.get(lane);
        int same = 0;
        int all = 0;
        for (Generation g : answers.get(answers.size() - 1)) {
            int[] ids = TOKENIZER.encode(g.generated());
            for (int t = 1; t < ids.length; t++) {
                all++;
                same += ids[t] == ids[t - 1] ? 1 : 0;
            }
        }
        return all == 0 ? 0 : (double) same / all;
    }
}
