package dev.losslens.training;

import ai.djl.ndarray.NDManager;
import dev.losslens.dataset.SampleDatasets;
import dev.losslens.dataset.Split;
import dev.losslens.model.DjlThreads;
import dev.losslens.model.GptParameters;
import dev.losslens.model.ModelConfig;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.Tokenizer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This instance's trainer: one thread that claims queued comparisons from the shared database queue and trains
 * them one at a time (the engine allows one gradient collector per process). Several instances sharing one
 * database each run their own trainer on the same queue.
 */
@Component
class ComparisonTrainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ComparisonTrainer.class);
    private static final long IDLE_POLL_MILLIS = 1000;
    private static final int CANCEL_CHECK_STEPS = 10;
    private static final long PROGRESS_EVERY_NANOS = 250_000_000L;

    private final ComparisonStore store;
    private final SampleDatasets datasets;
    private final InstructionTemplate template;
    private final Tokenizer tokenizer;
    private final TrainingProperties properties;
    private final String instance;
    private final Semaphore wake = new Semaphore(0);
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private ExecutorService thread;

    ComparisonTrainer(ComparisonStore store, SampleDatasets datasets, InstructionTemplate template, Tokenizer tokenizer,
                      TrainingProperties properties) {
        this.store = store;
        this.datasets = datasets;
        this.template = template;
        this.tokenizer = tokenizer;
        this.properties = properties;
        this.instance = properties.instanceId().isBlank() ? hostName() : properties.instanceId();
    }

    /** A comparison was queued: look now instead of at the next poll. */
    void wake() {
        wake.release();
    }

    void cancel(long id) {
        cancelled.add(id);
    }

    @Override
    public void start() {
        // runs this instance left running when it stopped can never finish: say so instead of leaving them running;
        // another instance's run counts only once its heartbeat is stale, since that instance may still be training it
        markOrphans(Instant.now().minusSeconds(properties.staleAfterSeconds()));
        running = true;
        thread = DjlThreads.single("losslens-trainer");
        thread.execute(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        thread.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        try (NDManager manager = NDManager.newBaseManager()) {
            while (running) {
                markOrphans(Instant.now().minusSeconds(properties.staleAfterSeconds()));
                Optional<Long> claimed = store.claimNext(instance);
                if (claimed.isPresent()) {
                    train(claimed.get(), manager);
                } else {
                    wake.tryAcquire(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void markOrphans(Instant staleBefore) {
        for (long id : store.orphaned(instance, staleBefore)) {
            store.abandon(id, ComparisonStatus.INTERRUPTED, "Interrupted: the trainer stopped before it finished");
        }
    }

    private void train(long id, NDManager parent) {
        ComparisonRow row = store.find(id).orElseThrow();
        try (NDManager manager = parent.newSubManager()) {
            List<LaneResult> results = LockstepTraining.run(plan(row.config(), manager),
                    listener(id, row.config().steps()), manager);
            boolean wasCancelled = results.stream().anyMatch(r -> r.status() == LaneStatus.CANCELLED);
            store.finish(id, wasCancelled ? ComparisonStatus.CANCELLED : ComparisonStatus.FINISHED, results,
                    wasCancelled ? "Cancelled; the points measured before it are kept" : null);
        } catch (RuntimeException e) {
            log.error("comparison {} failed", id, e);
            store.abandon(id, ComparisonStatus.FAILED, "Training failed: " + e.getClass().getSimpleName());
        } finally {
            cancelled.remove(id);
        }
    }

    private TrainingPlan plan(ComparisonConfig config, NDManager manager) {
        List<LaneSpec> lanes = new ArrayList<>();
        List<GptParameters> start = new ArrayList<>();
        ModelConfig model = ModelConfig.preset(config.model(), tokenizer.vocabSize());
        for (ComparisonConfig.LaneConfig lane : config.lanes()) {
            LaneSpec spec = lane.spec();
            lanes.add(spec);
            start.add(spec.init() == LaneSpec.Init.BASE
                    ? BaseCheckpoint.load(manager)
                    : GptParameters.initialise(model, config.seed(), manager));
        }
        var training = datasets.pairs(config.dataset(), Split.TRAIN).stream()
                .map(pair -> template.render(pair.prompt(), pair.response())).toList();
        Evaluator evaluator = new Evaluator(datasets.pairs(config.dataset(), Split.HELDOUT),
                properties.answeredPrompts(), template, tokenizer);
        return new TrainingPlan(lanes, start, training, evaluator, config.steps(), config.batchSize(), config.seed(),
                config.evalEvery(), config.learningRate());
    }

    private TrainingListener listener(long id, int steps) {
        return new TrainingListener() {
            private long lastProgress;
            private int step;

            @Override
            public void point(int lane, MetricPoint point) {
                store.addPoint(id, lane, point);
            }

            @Override
            public void generations(int lane, int step, List<Generation> generations) {
                store.addGenerations(id, lane, step, generations);
            }

            @Override
            public void diverged(int lane, int step) {
                store.laneDiverged(id, lane, step);
            }

            @Override
            public void progress(int step, double tokensPerSecond) {
                long now = System.nanoTime();
                if (now - lastProgress >= PROGRESS_EVERY_NANOS || step == steps) {
                    lastProgress = now;
                    store.progress(id, step, tokensPerSecond);
                }
                this.step = step;
            }

            @Override
            public boolean cancelRequested() {
                return cancelled.contains(id) || (step % CANCEL_CHECK_STEPS == 0 && store.cancelRequested(id));
            }
        };
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
