package dev.losslens.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.losslens.checkpoint.CheckpointInfo;
import dev.losslens.checkpoint.CheckpointSource;
import dev.losslens.checkpoint.LanguageModels;
import dev.losslens.conversation.AnswerSpan;
import dev.losslens.dataset.PromptResponsePair;
import dev.losslens.dataset.SampleDatasets;
import dev.losslens.dataset.Split;
import dev.losslens.model.BaseCheckpoint;
import dev.losslens.model.DjlEngine;
import dev.losslens.model.DjlTestThread;
import dev.losslens.model.GptParameters;
import dev.losslens.model.ModelConfig;
import dev.losslens.model.ModelPreset;
import dev.losslens.model.Scoring;
import dev.losslens.model.TinyGpt;
import dev.losslens.objective.LossObjective;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.TokenizedExample;
import dev.losslens.text.Tokenizer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A class uses every feature at once. While a comparison trains on the trainer's thread, explorer clients read pairs
 * through the real inference thread and another thread scores a prompt with a model of its own; the
 * comparison must come out bit-identical to the same comparison trained with nothing else running.
 */
class TrainingUnderLoadTest {

    private static final Tokenizer TOKENIZER = Tokenizer.bundled();
    private static final InstructionTemplate TEMPLATE = new InstructionTemplate(TOKENIZER);
    private static final SampleDatasets DATASETS = new SampleDatasets(new DefaultResourceLoader());
    private static final ModelConfig TINY = ModelPreset.TINY.config(TOKENIZER.vocabSize());
    private static final long SEED = 5;
    private static final int EXPLORER_CLIENTS = 2;
    private static final int GC_EVERY_READS = 4;
    private static final int STEPS = 20;

    record Run(List<List<MetricPoint>> points, List<List<List<Generation>>> answers, List<String> diverged,
               List<byte[]> weights) {
    }

    @Test
    void aComparisonTrainsToTheSameNumbersWhetherOrNotTheExplorerIsBusy() {
        ExecutorService trainer = DjlEngine.thread("test-trainer");
        try {
            Run alone = train(trainer);
            assertThat(alone.diverged()).isEmpty();

            Load load = Load.start();
            Run busy = train(trainer);
            int[] done = load.finish();

            assertThat(done[0]).as("explorer reads during training").isGreaterThan(20);
            assertThat(done[1]).as("scores on a second thread during training").isGreaterThan(5);
            assertThat(busy.diverged()).as("lanes marked diverged under load").isEmpty();
            assertThat(busy.points()).as("every stored metric point").isEqualTo(alone.points());
            assertThat(busy.answers()).as("every generated answer").isEqualTo(alone.answers());
            for (int lane = 0; lane < alone.weights().size(); lane++) {
                assertThat(busy.weights().get(lane)).as("final weights of lane %d", lane)
                        .isEqualTo(alone.weights().get(lane));
            }
        } finally {
            trainer.shutdown();
        }
    }

    /** A pre-training lane from scratch and an instruction lane from the base, the two starts the presets use. */
    private static Run train(ExecutorService trainer) {
        return CompletableFuture.supplyAsync(() -> {
            try (NDManager manager = NDManager.newBaseManager()) {
                List<TokenizedExample> training = DATASETS.pairs("capitals", Split.TRAIN).stream()
                        .map(p -> TEMPLATE.render(p.prompt(), p.response())).toList();
                List<PromptResponsePair> heldOut = DATASETS.pairs("capitals", Split.HELDOUT).subList(0, 12);
                List<LaneSpec> lanes = List.of(new LaneSpec(LossObjective.PRETRAINING, AnswerSpan.EVERY_TURN, LaneSpec.Init.SCRATCH),
                        new LaneSpec(LossObjective.INSTRUCTION, AnswerSpan.EVERY_TURN, LaneSpec.Init.BASE));
                List<GptParameters> start = List.of(GptParameters.initialise(TINY, SEED, manager),
                        BaseCheckpoint.load(manager));
                TrainingPlan plan = new TrainingPlan(lanes, start, TrainingSplit.ofPairs(training),
                        new Evaluator(heldOut, 2, TEMPLATE, TOKENIZER), STEPS, 16, SEED, 10, 1e-3);
                Run run = new Run(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                lanes.forEach(lane -> {
                    run.points().add(new ArrayList<>());
                    run.answers().add(new ArrayList<>());
                });
                List<LaneResult> results = LockstepTraining.run(plan, new TrainingListener() {
                    @Override
                    public void point(int lane, MetricPoint point) {
                        run.points().get(lane).add(point);
                    }

                    @Override
                    public void generations(int lane, int step, List<Generation> generations) {
                        run.answers().get(lane).add(List.copyOf(generations));
                    }

                    @Override
                    public void diverged(int lane, int step) {
                        run.diverged().add("lane " + lane + " at step " + step);
                    }

                    @Override
                    public void progress(int step, double tokensPerSecond) {
                    }

                    @Override
                    public boolean cancelRequested() {
                        return false;
                    }
                }, manager);
                results.forEach(result -> run.weights().add(result.finalWeights()));
                return run;
            }
        }, trainer).join();
    }

    /** Explorer clients scoring a pair on the inference thread, and a second model scoring on a thread of its own. */
    private record Load(LanguageModels explorer, DjlTestThread generator, List<CompletableFuture<Void>> clients,
                        AtomicBoolean stop, AtomicInteger reads, AtomicInteger answers) {

        static Load start() {
            LanguageModels explorer = new LanguageModels(List.of(new UntrainedSource()), new SimpleMeterRegistry());
            DjlTestThread generator = new DjlTestThread("test-generation");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger reads = new AtomicInteger();
            AtomicInteger answers = new AtomicInteger();
            int[] pair = TEMPLATE.render("What is the capital of Peru?", "It is Lima.").ids();
            List<CompletableFuture<Void>> clients = new ArrayList<>();
            for (int c = 0; c < EXPLORER_CLIENTS; c++) {
                clients.add(CompletableFuture.runAsync(() -> {
                    while (!stop.get()) {
                        explorer.score(UntrainedSource.ID, pair, 5).join();
                        if (reads.incrementAndGet() % GC_EVERY_READS == 0) {
                            // a busy server collects garbage often; a collection in mid-step is what exposes
                            // tensors whose memory the engine does not own
                            System.gc();
                        }
                    }
                }));
            }
            int[] prompt = TEMPLATE.promptIds("What is the capital of Peru?");
            clients.add(CompletableFuture.runAsync(() -> generator.run(manager -> {
                TinyGpt model = new TinyGpt(GptParameters.initialise(TINY, 99, manager));
                while (!stop.get()) {
                    Scoring.score(model, prompt, 5);
                    answers.incrementAndGet();
                }
                return null;
            })));
            return new Load(explorer, generator, clients, stop, reads, answers);
        }

        int[] finish() {
            stop.set(true);
            clients.forEach(CompletableFuture::join);
            generator.close();
            return new int[] {reads.get(), answers.get()};
        }
    }

    private static final class UntrainedSource implements CheckpointSource {

        static final String ID = "untrained";

        @Override
        public List<CheckpointInfo> checkpoints() {
            return List.of(CheckpointInfo.startingPoint(ID, "untrained"));
        }

        @Override
        public Optional<GptParameters> open(String id, NDManager manager) {
            return Optional.of(GptParameters.initialise(TINY, 0, manager));
        }
    }
}
