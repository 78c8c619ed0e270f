package dev.losslens.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.losslens.conversation.AnswerSpan;
import dev.losslens.dataset.SampleDatasets;
import dev.losslens.dataset.Split;
import dev.losslens.model.BaseCheckpoint;
import dev.losslens.model.DjlTestThread;
import dev.losslens.model.GptParameters;
import dev.losslens.model.ModelConfig;
import dev.losslens.model.ModelPreset;
import dev.losslens.model.StackedGpt;
import dev.losslens.model.TinyGpt;
import dev.losslens.objective.LossObjective;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.TokenizedExample;
import dev.losslens.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The engine's stack: a stacked lane is the textbook network, and a comparison's numbers do not depend on who else
 * trains beside it.
 */
class LaneStackTest {

    private static final DjlTestThread DJL = new DjlTestThread("test-lane-stack");
    private static final Tokenizer TOKENIZER = Tokenizer.bundled();
    private static final InstructionTemplate TEMPLATE = new InstructionTemplate(TOKENIZER);
    private static final SampleDatasets DATASETS = new SampleDatasets(new DefaultResourceLoader());
    private static final ModelConfig TINY = ModelPreset.TINY.config(TOKENIZER.vocabSize());
    private static final LaneSpec SFT_FROM_BASE = new LaneSpec(LossObjective.INSTRUCTION, AnswerSpan.EVERY_TURN, LaneSpec.Init.BASE);
    private static final LaneSpec PT_FROM_SCRATCH = new LaneSpec(LossObjective.PRETRAINING, AnswerSpan.EVERY_TURN, LaneSpec.Init.SCRATCH);
    private static final LaneSpec HALF = new LaneSpec(LossObjective.weighted(0.5), AnswerSpan.EVERY_TURN, LaneSpec.Init.SCRATCH);

    @AfterAll
    static void stop() {
        DJL.close();
    }

    private static List<TokenizedExample> training(String dataset) {
        return DATASETS.pairs(dataset, Split.TRAIN).stream().map(p -> TEMPLATE.render(p.prompt(), p.response())).toList();
    }

    private static TrainingPlan plan(String dataset, List<LaneSpec> lanes, int steps, double learningRate, int batch,
                                     long seed, NDManager manager) {
        List<GptParameters> start = new ArrayList<>();
        for (LaneSpec lane : lanes) {
            start.add(lane.init() == LaneSpec.Init.BASE ? BaseCheckpoint.load(manager)
                    : GptParameters.initialise(TINY, seed, manager));
        }
        Evaluator evaluator = new Evaluator(DATASETS.pairs(dataset, Split.HELDOUT).subList(0, 20), 4, TEMPLATE, TOKENIZER);
        return new TrainingPlan(lanes, start, TrainingSplit.ofPairs(training(dataset)), evaluator, steps, batch, seed, 5, learningRate);
    }

    private static TrainingPlan watched(NDManager manager) {
        return plan("capitals", List.of(PT_FROM_SCRATCH, SFT_FROM_BASE), 24, 1e-3, 8, 3, manager);
    }

    @Test
    void aStackedLaneComputesWhatItsOwnTextbookNetworkComputesLossAndGradient() {
        DJL.run(manager -> {
            GptParameters base = BaseCheckpoint.load(manager);
            GptParameters scratch = GptParameters.initialise(TINY, 4, manager);
            TrainingBatch batch = TrainingBatch.of(training("capitals").subList(0, 6));
            float[] w = batch.targetWeights(LossObjective.INSTRUCTION);
            NDArray ids = manager.create(batch.ids(), new Shape(1, batch.size(), batch.length()))
                    .toType(DataType.INT64, false);                                               // (1, B, T)
            NDArray weights = manager.create(w, new Shape(1, batch.size(), batch.length() - 1)); // (1, B, T−1)
            ModelBatch built = new LanePipeline(LossObjective.INSTRUCTION, null, TINY.context()).build(batch);
            Shape rows = new Shape(2, built.rows(), built.length());
            NDArray inputs = manager.create(built.inputs(), new Shape(1, built.rows(), built.length()))
                    .toType(DataType.INT64, false).repeat(0, 2);                                  // (2, B, T−1)
            NDArray targets = manager.create(built.targets(), new Shape(1, built.rows(), built.length()))
                    .toType(DataType.INT64, false).repeat(0, 2);                                  // (2, B, T−1)
            NDArray pipelineWeights = manager.create(built.weights(), rows.slice(1)).expandDims(0)
                    .repeat(0, 2);                                                                // (2, B, T−1)

            Map<String, NDArray> stacked = StackedGpt.stack(List.of(scratch, base));
            stacked.values().forEach(array -> array.setRequiresGradient(true));
            base.attachGradients();
            float[] stackedLoss;
            float textbookLoss;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray both = new StackedGpt(TINY, stacked).weightedNll(inputs, targets, pipelineWeights, 1,
                        manager.zeros(new Shape(2)));                                             // (2)
                collector.backward(both.sum());
                stackedLoss = both.toFloatArray();
            }
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = new TinyGpt(base).weightedNll(ids.squeeze(0), weights.squeeze(0));  // ()
                collector.backward(loss);
                textbookLoss = loss.getFloat();
            }
            assertThat(stackedLoss[1]).as("the base lane's loss").isCloseTo(textbookLoss, within(1e-5f));
            assertThat(stackedLoss[0]).as("the other lane is another network").isNotCloseTo(textbookLoss, within(0.1f));
            for (var entry : base.byName().entrySet()) {
                float[] textbook = entry.getValue().getGradient().toFloatArray();
                float[] lane = stacked.get(entry.getKey()).getGradient().get(1).toFloatArray();
                double largest = 0;
                double differs = 0;
                for (int i = 0; i < textbook.length; i++) {
                    largest = Math.max(largest, Math.abs(textbook[i]));
                    differs = Math.max(differs, Math.abs(textbook[i] - lane[i]));
                }
                assertThat(differs).as("gradient of %s", entry.getKey()).isLessThanOrEqualTo(1e-5 * Math.max(1, largest));
            }
            return null;
        });
    }

    @Test
    void aComparisonTrainsBitIdenticallyAloneAndBesideFiveOthersThatJoinAndLeaveMidRun() {
        Recording alone = new Recording(2, step -> false);
        List<LaneResult> aloneResults = DJL.run(manager -> LockstepTraining.run(watched(manager), alone, manager));

        Recording beside = new Recording(2, step -> false);
        int[] widest = new int[1];
        List<LaneResult> besideResults = DJL.run(manager -> {
            try (LaneStack stack = new LaneStack(TINY, manager)) {
                stack.join(plan("plurals", List.of(SFT_FROM_BASE, HALF), 30, 1e-3, 8, 9, manager),
                        new Recording(2, step -> false));
                stack.join(plan("capitals", List.of(HALF), 6, 3e-3, 16, 5, manager), new Recording(1, step -> false));
                for (int i = 0; i < 3; i++) {
                    stack.step();
                }
                Enrolment watched = stack.join(watched(manager), beside);
                int step = 0;
                while (!watched.ended()) {
                    step++;
                    if (step == 2) {
                        stack.join(plan("reversal", List.of(PT_FROM_SCRATCH, SFT_FROM_BASE, HALF), 40, 1e-3, 8, 2,
                                manager), new Recording(3, s -> s >= 6));                 // cancelled mid-run
                    }
                    if (step == 4) {
                        stack.join(plan("capitals", List.of(PT_FROM_SCRATCH, HALF), 40, 1e30, 8, 4, manager),
                                new Recording(2, s -> false));                            // diverges and leaves
                        stack.join(plan("arithmetic", List.of(SFT_FROM_BASE, PT_FROM_SCRATCH), 9, 1e-3, 4, 6,
                                manager), new Recording(2, s -> false));                 // another batch shape
                    }
                    widest[0] = Math.max(widest[0], stack.lanes());
                    stack.step();
                }
                return watched.results();
            }
        });

        assertThat(widest[0]).as("the stack was shared").isGreaterThanOrEqualTo(10);
        assertThat(beside.points).as("every point").isEqualTo(alone.points);
        assertThat(beside.generations).as("every greedy answer").isEqualTo(alone.generations);
        assertThat(beside.progress).isEqualTo(alone.progress);
        for (int lane = 0; lane < 2; lane++) {
            assertThat(besideResults.get(lane).status()).isEqualTo(LaneStatus.FINISHED);
            assertThat(besideResults.get(lane).finalWeights()).as("final weights of lane %d", lane)
                    .isEqualTo(aloneResults.get(lane).finalWeights());
        }
    }
}
