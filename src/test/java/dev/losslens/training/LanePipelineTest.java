package dev.losslens.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.losslens.conversation.AnswerSpan;
import dev.losslens.dataset.SampleDatasets;
import dev.losslens.dataset.Split;
import dev.losslens.model.BaseCheckpoint;
import dev.losslens.model.DjlTestThread;
import dev.losslens.model.GptParameters;
import dev.losslens.model.ModelConfig;
import dev.losslens.model.StackedGpt;
import dev.losslens.model.TinyGpt;
import dev.losslens.objective.LossObjective;
import dev.losslens.text.CompactVocabulary;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.Role;
import dev.losslens.text.Tokenizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** What each pipeline hands the model, checked position by position against what its incident did. */
class LanePipelineTest {

    private static final DjlTestThread DJL = new DjlTestThread("test-lane-pipeline");
    private static final Tokenizer TOKENIZER = Tokenizer.bundled();
    private static final InstructionTemplate TEMPLATE = new InstructionTemplate(TOKENIZER);
    private static final TrainingSplit CHAT = TrainingSplit.ofPairs(new SampleDatasets(new DefaultResourceLoader())
            .pairs("chat", Split.TRAIN).stream().map(pair -> TEMPLATE.render(pair.prompt(), pair.response())).toList());
    private static final int BATCH = 16;
    private static final long SEED = 7;
    /** 242 examples in batches of 16: the first epoch ends two rows into step 16. */
    private static final int EPOCH_ENDS = 16;

    @AfterAll
    static void stop() {
        DJL.close();
    }

    private static ModelBatch built(PipelineBug bug, int step) {
        LaneSpec lane = new LaneSpec(LossObjective.INSTRUCTION, AnswerSpan.EVERY_TURN, LaneSpec.Init.BASE, bug);
        return LanePipeline.replay(CHAT, lane, BATCH, SEED, step, ModelConfig.CONTEXT);
    }

    @Test
    void theCorrectPipelineScoresEachPositionOnTheNextTokenWithTheObjectivesWeights() {
        BatchOrder order = new BatchOrder(CHAT.size(), BATCH, SEED);
        TrainingBatch batch = CHAT.batch(AnswerSpan.EVERY_TURN, order.next());
        for (LossObjective objective : List.of(LossObjective.PRETRAINING, LossObjective.INSTRUCTION,
                LossObjective.weighted(0.1))) {
            ModelBatch built = new LanePipeline(objective, null, ModelConfig.CONTEXT).build(batch);
            int[] ids = batch.ids();
            for (int r = 0; r < built.rows(); r++) {
                for (int p = 0; p < built.length(); p++) {
                    int at = r * built.length() + p;
                    assertThat(built.inputs()[at]).isEqualTo(ids[r * batch.length() + p]);
                    assertThat(built.targets()[at]).isEqualTo(ids[r * batch.length() + p + 1]);
                }
            }
            assertThat(built.weights()).as("%s", objective).containsExactly(batch.targetWeights(objective));
            assertThat(PipelineCheck.failed(built, objective)).as("%s", objective).isEmpty();
            double shares = Arrays.stream(built.sharesOfLoss()).sum();
            assertThat(shares).as("every counted target's share of the loss").isCloseTo(1, within(1e-9));
        }
    }

    @Test
    void everyBugFailsTheCheckThatNamesItAndTheCorrectPipelinePassesThemAll() {
        for (int step : new int[] {1, EPOCH_ENDS}) {
            assertThat(PipelineCheck.failed(built(null, step), LossObjective.INSTRUCTION)).isEmpty();
        }
        for (PipelineBug bug : PipelineBug.values()) {
            int step = bug == PipelineBug.EMPTY_MICRO_BATCH ? EPOCH_ENDS : 1;
            assertThat(PipelineCheck.failed(built(bug, step), LossObjective.INSTRUCTION)).as(bug.key())
                    .contains(bug.caughtBy());
        }
        assertThat(PipelineCheck.failed(built(PipelineBug.EMPTY_MICRO_BATCH, 1), LossObjective.INSTRUCTION))
                .as("before the epoch ends, only its normalisation shows").containsExactly(
                        PipelineCheck.NORMALISED_BY_ALL_TARGETS);
    }

    @Test
    void theMaskDroppedCountsEveryTargetAndTheEmptyMaskNone() {
        ModelBatch dropped = built(PipelineBug.MASK_DROPPED, 1);
        ModelBatch empty = built(PipelineBug.NO_GENERATION_BLOCK, 1);
        for (int i = 0; i < dropped.weights().length; i++) {
            boolean target = dropped.roles()[i] != null;
            assertThat(dropped.weights()[i]).isEqualTo(target ? 1f : 0f);
            assertThat(empty.weights()[i]).isZero();
        }
        assertThat(empty.leastDenominator()).as("the guarded division that hides it").isEqualTo(1f);
    }

    @Test
    void maskingThePadIdMasksEveryEndOfText() {
        ModelBatch masked = built(PipelineBug.END_OF_TEXT_MASKED, 1);
        ModelBatch correct = built(null, 1);
        for (int i = 0; i < masked.targets().length; i++) {
            boolean end = masked.targets()[i] == CompactVocabulary.END_OF_TEXT && masked.sources()[i] >= 0;
            assertThat(masked.weights()[i]).isEqualTo(end ? 0f : correct.weights()[i]);
        }
    }

    @Test
    void packingJoinsExamplesIntoRowsOfTheContextThatAttendAcrossThem() {
        ModelBatch packed = built(PipelineBug.PACKED_WITHOUT_BOUNDARIES, 1);
        ModelBatch correct = built(null, 1);
        assertThat(packed.rows()).isLessThan(correct.rows());
        assertThat(packed.length()).isLessThanOrEqualTo(ModelConfig.CONTEXT - 1);
        Set<Integer> first = new HashSet<>();
        for (int p = 0; p < packed.length(); p++) {
            first.add(packed.sources()[p]);
        }
        assertThat(first).as("the first row's examples").hasSizeGreaterThan(2);
        assertThat(packed.tokenCount()).as("the same tokens, but a full row's last, which predicts nothing")
                .isBetween(correct.tokenCount() - packed.rows(), correct.tokenCount());
    }

    @Test
    void unshiftedLabelsScoreEachPositionOnItsOwnInput() {
        ModelBatch unshifted = built(PipelineBug.LABELS_NOT_SHIFTED, 1);
        assertThat(unshifted.targets()).containsExactly(unshifted.inputs());
    }

    @Test
    void truncatingFromTheRightDropsTheAnswersOfLongExamples() {
        ModelBatch cut = built(PipelineBug.TRUNCATED_FROM_THE_RIGHT, 1);
        assertThat(cut.length()).isEqualTo(CHAT.medianPromptLength() - 1);
        assertThat(cut.answersCut()).isPositive();
        long rowsWithoutAnswer = IntStream.range(0, cut.rows()).filter(r -> IntStream.range(0, cut.length())
                .noneMatch(p -> cut.roles()[r * cut.length() + p] == Role.RESPONSE)).count();
        assertThat(rowsWithoutAnswer).as("examples left with no answer token").isGreaterThanOrEqualTo(BATCH / 4);
    }

    @Test
    void theEpochsLastBatchEndsInMicroBatchesThatDivideZeroByZero() {
        ModelBatch ending = built(PipelineBug.EMPTY_MICRO_BATCH, EPOCH_ENDS);
        assertThat(ending.microBatches()).isEqualTo(4);
        assertThat(ending.weightOf(0)).isPositive();
        assertThat(ending.weightOf(3)).isZero();
        assertThat(ending.sharesOfLoss()[ending.weights().length - 1]).isNaN();
    }

    @Test
    void theBatchOrderSaysWhereInABatchAnEpochEnds() {
        BatchOrder byFour = new BatchOrder(10, 4, SEED);
        assertThat(IntStream.range(0, 5).map(step -> {
            byFour.next();
            return byFour.nextEpochRow();
        }).toArray()).as("10 examples by 4: the epochs end inside steps 3 and 5").containsExactly(4, 4, 2, 4, 4);
        BatchOrder byFive = new BatchOrder(10, 5, SEED);
        assertThat(IntStream.range(0, 4).map(step -> {
            byFive.next();
            return byFive.nextEpochRow();
        }).toArray()).as("10 examples by 5: every epoch ends between batches").containsExactly(5, 5, 5, 5);
    }

    /** Gradient accumulation's mistake in numbers: the mean of 4 micro-batch means, not the mean over all targets. */
    @Test
    void averagingMicroBatchMeansIsTheMeanOfEachMicroBatchsOwnMean() {
        ModelBatch correct = built(null, 1);
        ModelBatch averaged = built(PipelineBug.MEAN_OF_MICRO_BATCH_MEANS, 1);
        double[] losses = DJL.run(manager -> {
            GptParameters base = BaseCheckpoint.load(manager);
            float[] nll = new TinyGpt(base).nextTokenNll(ids(correct, manager)).toFloatArray();   // (B, T−1)
            StackedGpt stacked = StackedGpt.of(List.of(base));
            return new double[] {
                    textbook(correct, nll), textbook(averaged, nll),
                    loss(stacked, correct, manager), loss(stacked, averaged, manager)};
        });
        assertThat(losses[2]).as("Σ w·nll / Σ w").isCloseTo(losses[0], within(1e-5));
        assertThat(losses[3]).as("mean over micro-batches of Σ w·nll / Σ w").isCloseTo(losses[1], within(1e-5));
        assertThat(losses[3]).as("micro-batches count 70, 70, 78 and 71 targets, so the two differ a little")
                .isNotCloseTo(losses[2], within(1e-4));
    }

    /** The batch's ids (B, T) rebuilt from a correct pipeline's inputs and targets. */
    private static NDArray ids(ModelBatch batch, NDManager manager) {
        int t = batch.length() + 1;
        int[] ids = new int[batch.rows() * t];
        for (int r = 0; r < batch.rows(); r++) {
            System.arraycopy(batch.inputs(), r * batch.length(), ids, r * t, batch.length());
            ids[r * t + batch.length()] = batch.targets()[r * batch.length() + batch.length() - 1];
        }
        return manager.create(ids, new Shape(batch.rows(), t)).toType(DataType.INT64, false);
    }

    /** The loss in plain Java: the mean over micro-batches of each one's Σ w·nll / Σ w. */
    private static double textbook(ModelBatch batch, float[] nll) {
        int perGroup = batch.rows() / batch.microBatches() * batch.length();
        double sum = 0;
        for (int m = 0; m < batch.microBatches(); m++) {
            double counted = 0;
            double weight = 0;
            for (int i = m * perGroup; i < (m + 1) * perGroup; i++) {
                counted += batch.weights()[i] * nll[i];
                weight += batch.weights()[i];
            }
            sum += counted / weight;
        }
        return sum / batch.microBatches();
    }

    private static double loss(StackedGpt model, ModelBatch batch, NDManager manager) {
        Shape shape = new Shape(1, batch.rows(), batch.length());
        return model.weightedNll(manager.create(batch.inputs(), shape).toType(DataType.INT64, false),
                manager.create(batch.targets(), shape).toType(DataType.INT64, false),
                manager.create(batch.weights(), shape), batch.microBatches(), manager.zeros(new Shape(1)))
                .getFloat(0);
    }
}
