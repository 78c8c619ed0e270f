package dev.losslens.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.losslens.conversation.AnswerSpan;
import dev.losslens.dataset.PromptResponsePair;
import dev.losslens.dataset.SampleDatasets;
import dev.losslens.dataset.Split;
import dev.losslens.model.Checkpoints;
import dev.losslens.model.DjlTestThread;
import dev.losslens.model.GptParameters;
import dev.losslens.model.ModelConfig;
import dev.losslens.model.ModelPreset;
import dev.losslens.model.TinyGpt;
import dev.losslens.objective.LossObjective;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.Role;
import dev.losslens.text.TokenizedExample;
import dev.losslens.text.Tokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Training as a function: plans built by hand, run on one DJL thread, observed only through the listener. No
 * Spring context, so no background trainer competes for the engine's single gradient collector.
 */
class LockstepTrainingTest {

    private static final DjlTestThread DJL = new DjlTestThread("test-lockstep");
    private static final Tokenizer TOKENIZER = Tokenizer.bundled();
    private static final InstructionTemplate TEMPLATE = new InstructionTemplate(TOKENIZER);
    private static final SampleDatasets DATASETS = new SampleDatasets(new DefaultResourceLoader());
    private static final ModelConfig TINY = ModelPreset.TINY.config(TOKENIZER.vocabSize());
    private static final LaneSpec SFT = new LaneSpec(LossObjective.INSTRUCTION, AnswerSpan.EVERY_TURN, LaneSpec.Init.SCRATCH);
    private static final LaneSpec PT = new LaneSpec(LossObjective.PRETRAINING, AnswerSpan.EVERY_TURN, LaneSpec.Init.SCRATCH);
    private static final long SEED = 11;

    @AfterAll
    static void stop() {
        DJL.close();
    }

    private static List<TokenizedExample> training(String dataset) {
        return DATASETS.pairs(dataset, Split.TRAIN).stream().map(p -> TEMPLATE.render(p.prompt(), p.response())).toList();
    }

    /** A small fixed slice of the held-out split keeps evaluation cheap; two prompts are answered greedily. */
    private static Evaluator evaluator(String dataset) {
        List<PromptResponsePair> heldOut = DATASETS.pairs(dataset, Split.HELDOUT);
        return new Evaluator(heldOut.subList(0, 24), 2, TEMPLATE, TOKENIZER);
    }

    private static TrainingPlan plan(String dataset, List<LaneSpec> lanes, int steps, double learningRate, int batch,
                                     int evalEvery, NDManager manager) {
        List<GptParameters> start = new ArrayList<>();
        for (LaneSpec ignored : lanes) {
            start.add(GptParameters.initialise(TINY, SEED, manager));
        }
        return new TrainingPlan(lanes, start, TrainingSplit.ofPairs(training(dataset)), evaluator(dataset), steps, batch, SEED, evalEvery,
                learningRate);
    }

    /** What the loop told its listener, plus the results it returned. */
    record Run(List<List<MetricPoint>> points, List<List<List<Generation>>> generations, List<int[]> diverged,
               List<Integer> progress, List<LaneResult> results) {
    }

    private static Run train(Function<NDManager, TrainingPlan> plan, IntPredicate cancelAfterStep) {
        return DJL.run(manager -> {
            TrainingPlan p = plan.apply(manager);
            Recording listener = new Recording(p.lanes().size(), cancelAfterStep);
            List<LaneResult> results = LockstepTraining.run(p, listener, manager);
            return new Run(listener.points, listener.generations, listener.diverged, listener.progress, results);
        });
    }

    private static Run train(Function<NDManager, TrainingPlan> plan) {
        return train(plan, step -> false);
    }

    private static List<Integer> steps(List<MetricPoint> points) {
        return points.stream().map(MetricPoint::step).toList();
    }

    @Test
    void instructionLossFallsOnALearnableTaskAndDriftGrowsFromZero() {
        Run run = train(m -> plan("capitals", List.of(SFT), 40, 1e-3, 8, 1, m));

        List<MetricPoint> points = run.points().get(0);
        assertThat(steps(points)).hasSize(41).startsWith(0, 1, 2).endsWith(39, 40);
        MetricPoint start = points.get(0);
        assertThat(start.trainLoss()).as("no training loss before the first step").isNull();
        assertThat(start.drift()).isZero();
        // untrained and near uniform: every held-out token costs about ln V
        assertThat(start.responseNll()).isCloseTo(Math.log(TOKENIZER.vocabSize()), within(0.5));

        double first = points.get(1).trainLoss();
        double lastTen = points.subList(31, 41).stream().mapToDouble(MetricPoint::trainLoss).average().orElseThrow();
        assertThat(lastTen).as("mean loss of steps 31–40 vs step 1 (%.3f)", first).isLessThan(first - 2.0);
        MetricPoint end = points.get(40);
        assertThat(end.responseNll()).as("held-out response NLL at the end vs step 0")
                .isLessThan(start.responseNll() - 2.0);
        for (MetricPoint p : points.subList(1, 41)) {
            assertThat(p.drift()).as("drift at step %d", p.step()).isPositive().isLessThan(1.0);
        }
        assertThat(end.drift()).isGreaterThan(points.get(1).drift());
        assertThat(run.progress()).hasSize(40).startsWith(1).endsWith(40);
        assertThat(run.diverged()).isEmpty();
        assertThat(run.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(LaneStatus.FINISHED);
            assertThat(r.divergedAt()).isNull();
            assertThat(r.finalWeights()).isNotEmpty();
        });
    }

    @Test
    void theSamePlanTrainsToBitIdenticalPointsGenerationsAndWeights() {
        Function<NDManager, TrainingPlan> plan = m -> plan("arithmetic", List.of(PT, SFT), 6, 1e-3, 4, 3, m);
        Run once = train(plan);
        Run again = train(plan);

        assertThat(steps(once.points().get(0))).containsExactly(0, 3, 6);
        assertThat(again.points()).isEqualTo(once.points());
        assertThat(again.generations()).isEqualTo(once.generations());
        for (int lane = 0; lane < 2; lane++) {
            assertThat(again.results().get(lane).finalWeights()).as("lane %d weights", lane)
                    .isEqualTo(once.results().get(lane).finalWeights());
        }
    }

    @Test
    void lanesShareStartAndBatchOrderSoEqualLanesStayIdenticalAndOnlyTheObjectiveSeparatesThem() {
        Run run = train(m -> plan("capitals", List.of(SFT, SFT, PT), 6, 1e-3, 4, 3, m));

        List<MetricPoint> sft = run.points().get(0);
        assertThat(steps(sft)).containsExactly(0, 3, 6);
        assertThat(run.points().get(1)).as("a second identical lane in lockstep").isEqualTo(sft);
        assertThat(run.results().get(1).finalWeights()).isEqualTo(run.results().get(0).finalWeights());

        List<MetricPoint> pt = run.points().get(2);
        assertThat(pt.get(0)).as("same start: the step-0 measurement is shared").isEqualTo(sft.get(0));
        assertThat(pt.get(2).responseNll()).as("after training the objectives have moved the weights differently")
                .isNotEqualTo(sft.get(2).responseNll());
        assertThat(run.results().get(2).finalWeights()).isNotEqualTo(run.results().get(0).finalWeights());
    }

    @Test
    void instructionLossIsTheMeanNllOfResponseTargetsOnlyAndLambdaZeroIsTheSameObjective() {
        List<TokenizedExample> examples = training("capitals").subList(0, 6);
        TrainingBatch batch = TrainingBatch.of(examples);
        assertThat(examples.stream().mapToInt(TokenizedExample::length).distinct().count())
                .as("rows of different lengths, so padding is exercised").isGreaterThan(1);

        double[] measured = DJL.run(manager -> {
            // independent reference: each example alone, unpadded, summed by role
            double responseSum = 0;
            double promptSum = 0;
            int responseCount = 0;
            int promptCount = 0;
            try (GptParameters reference = GptParameters.initialise(TINY, SEED, manager)) {
                TinyGpt model = new TinyGpt(reference);
                for (TokenizedExample example : examples) {
                    float[] nll = nextTokenNll(model, example);
                    for (int t = 1; t < example.length(); t++) {
                        if (example.role(t) == Role.RESPONSE) {
                            responseSum += nll[t - 1];
                            responseCount++;
                        } else {
                            promptSum += nll[t - 1];
                            promptCount++;
                        }
                    }
                }
            }
            return new double[] {
                firstStepLoss(LossObjective.INSTRUCTION, batch, manager),
                firstStepLoss(LossObjective.weighted(0), batch, manager),
                firstStepLoss(LossObjective.PRETRAINING, batch, manager),
                firstStepLoss(LossObjective.weighted(0.25), batch, manager),
                responseSum / responseCount,
                (responseSum + promptSum) / (responseCount + promptCount),
                (responseSum + 0.25 * promptSum) / (responseCount + 0.25 * promptCount)};
        });
        double sft = measured[0];
        double lambdaZero = measured[1];
        double pretraining = measured[2];
        double lambdaQuarter = measured[3];

        assertThat(lambdaZero).as("λ = 0 is the instruction objective, bit for bit").isEqualTo(sft);
        assertThat(sft).as("SFT = mean NLL of response targets; prompt targets carry no loss")
                .isCloseTo(measured[4], within(1e-4));
        assertThat(pretraining).as("PT = mean NLL of every target").isCloseTo(measured[5], within(1e-4));
        assertThat(lambdaQuarter).as("L_λ = (Σ resp + λ Σ prompt) / (n_resp + λ n_prompt)")
                .isCloseTo(measured[6], within(1e-4));
        assertThat(pretraining).isNotCloseTo(sft, within(1e-3));
    }

    private static double firstStepLoss(LossObjective objective, TrainingBatch batch, NDManager manager) {
        try (LaneModel lane = new LaneModel(GptParameters.initialise(TINY, SEED, manager), objective, 1e-3, manager)) {
            return lane.step(batch);
        }
    }

    private static float[] nextTokenNll(TinyGpt model, TokenizedExample example) {
        try (NDScope ignored = new NDScope()) {
            NDArray ids = model.weights().manager().create(example.ids(), new Shape(1, example.length()))
                    .toType(DataType.INT64, false);                                                    // (1, T)
            return model.nextTokenNll(ids).toFloatArray();                                             // (1, T−1)
        }
    }

    @Test
    void anAbsurdLearningRateDivergesEveryLaneAfterItsFirstUpdateAndStopsIt() {
        Run run = train(m -> plan("capitals", List.of(SFT, PT), 4, 1e30, 4, 4, m));

        assertThat(run.diverged()).hasSize(2);
        for (int lane = 0; lane < 2; lane++) {
            int[] event = run.diverged().get(lane);
            LaneResult result = run.results().get(lane);
            assertThat(event[0]).isEqualTo(lane);
            assertThat(event[1]).as("step 1's loss is measured before the first update").isBetween(2, 4);
            assertThat(result.status()).isEqualTo(LaneStatus.DIVERGED);
            assertThat(result.divergedAt()).isEqualTo(event[1]);
            assertThat(result.finalWeights()).as("no usable checkpoint from a diverged lane").isNull();
            assertThat(steps(run.points().get(lane))).as("only the step-0 point").containsExactly(0);
        }
        assertThat(run.progress()).as("the step clock runs to the end").endsWith(4);
    }

    @Test
    void aLaneWhoseLossIsNotFiniteDivergesAtThatStepWhileTheSaneLaneInTheComparisonFinishes() {
        // the learning rate is per comparison, so the broken lane is given non-finite starting weights instead
        Run run = train(m -> {
            TrainingPlan p = plan("capitals", List.of(SFT, PT), 6, 1e-3, 4, 3, m);
            try (NDScope ignored = new NDScope()) {
                NDArray beta = p.startingWeights().get(1).get("lnFinal.beta");
                beta.set(new NDIndex("0"), Float.NaN);
            }
            return p;
        });

        assertThat(run.diverged()).singleElement().satisfies(event -> assertThat(event).containsExactly(1, 1));
        LaneResult broken = run.results().get(1);
        assertThat(broken.status()).isEqualTo(LaneStatus.DIVERGED);
        assertThat(broken.divergedAt()).isEqualTo(1);
        assertThat(broken.finalWeights()).isNull();
        assertThat(steps(run.points().get(1))).containsExactly(0);

        LaneResult sane = run.results().get(0);
        assertThat(sane.status()).isEqualTo(LaneStatus.FINISHED);
        assertThat(sane.divergedAt()).isNull();
        assertThat(sane.finalWeights()).isNotEmpty();
        assertThat(steps(run.points().get(0))).containsExactly(0, 3, 6);
        assertThat(run.points().get(0)).allSatisfy(p -> assertThat(p.responseNll()).isFinite());
    }

    @Test
    void cancellingKeepsTheMeasuredPointsAndReturnsUsableWeights() {
        Run run = train(m -> plan("capitals", List.of(SFT, PT), 40, 1e-3, 4, 10, m), step -> step >= 5);

        assertThat(run.progress()).as("steps 1–5 ran, then the loop stopped").containsExactly(1, 2, 3, 4, 5);
        for (int lane = 0; lane < 2; lane++) {
            assertThat(steps(run.points().get(lane))).as("lane %d keeps its step-0 point", lane).containsExactly(0);
            LaneResult result = run.results().get(lane);
            assertThat(result.status()).isEqualTo(LaneStatus.CANCELLED);
            assertThat(result.divergedAt()).isNull();
            assertThat(result.finalWeights()).isNotEmpty();
        }
        double drift = DJL.run(manager -> {
            try (GptParameters start = GptParameters.initialise(TINY, SEED, manager);
                 GptParameters trained = read(run.results().get(0).finalWeights(), manager)) {
                assertThat(trained.config()).isEqualTo(TINY);
                double moved = 0;
                for (var entry : trained.byName().entrySet()) {
                    moved += entry.getValue().sub(start.get(entry.getKey())).square().sum().getFloat();
                }
                return moved;
            }
        });
        assertThat(drift).as("the returned weights are the trained ones, not the start").isPositive();
    }

    private static GptParameters read(byte[] bytes, NDManager manager) {
        try {
            return Checkpoints.read(new ByteArrayInputStream(bytes), manager);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
