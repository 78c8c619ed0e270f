package dev.losslens.worker;

import ai.djl.ndarray.NDManager;
import dev.losslens.comparison.ComparisonQueue;
import dev.losslens.comparison.ComparisonRow;
import dev.losslens.comparison.ComparisonStatus;
import dev.losslens.comparison.ComparisonStore;
import dev.losslens.comparison.MeasurementStore;
import dev.losslens.comparison.TrainingProperties;
import dev.losslens.model.DjlEngine;
import dev.losslens.model.ModelConfig;
import dev.losslens.training.Enrolment;
import dev.losslens.training.LaneStack;
import dev.losslens.training.TrainingListener;
import dev.losslens.training.TrainingPlan;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This instance's trainer: one thread that claims queued comparisons from the shared database queue and trains them
 * together, one running stack per model shape (the engine allows one gradient collector per process, and one stacked
 * step costs far less than a step per lane). A claimed comparison joins its stack between two steps; a finished one
 * leaves and frees room for the next in the queue. Several instances sharing one database each run their own worker
 * on the same queue.
 */
@Component
class ComparisonWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ComparisonWorker.class);
    private static final long IDLE_POLL_MILLIS = 1000;
    private static final String INTERRUPTED = "Interrupted: the trainer stopped before it finished";

    private final ComparisonStore store;
    private final ComparisonQueue queue;
    private final MeasurementStore measurements;
    private final ComparisonPlans plans;
    private final TrainingProperties properties;
    private final String instance;
    private final Semaphore wake = new Semaphore(0);
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    /** The running stacks of each model shape, and the comparison each member trains; trainer thread only. */
    private final Map<ModelConfig, List<LaneStack>> stacks = new LinkedHashMap<>();
    private final Map<Enrolment, Long> training = new HashMap<>();
    private volatile boolean running;
    private ExecutorService thread;

    ComparisonWorker(ComparisonStore store, ComparisonQueue queue, MeasurementStore measurements,
                     ComparisonPlans plans, TrainingProperties properties) {
        this.store = store;
        this.queue = queue;
        this.measurements = measurements;
        this.plans = plans;
        this.properties = properties;
        this.instance = properties.instanceId().isBlank() ? hostName() : properties.instanceId();
    }

    /** Published after the submission commits, so the claim can see the row. */
    @EventListener
    void queued(ComparisonQueue.Queued event) {
        wake.release();
    }

    @EventListener
    void cancel(ComparisonQueue.CancelRequested event) {
        cancelled.add(event.id());
    }

    @Override
    public void start() {
        markOrphans();
        running = true;
        thread = DjlEngine.thread("losslens-trainer");
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
                try {
                    markStale();
                    admit(manager);
                } catch (RuntimeException e) {
                    // the database may be restarting: keep the trainer alive and ask again at the next poll
                    log.warn("could not read the queue", e);
                }
                if (training.isEmpty()) {
                    wake.tryAcquire(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                    continue;
                }
                for (List<LaneStack> shape : stacks.values()) {
                    List.copyOf(shape).forEach(this::step);
                    shape.removeIf(this::closedWhenEmpty);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stacks.values().forEach(shape -> shape.forEach(LaneStack::close));
        }
    }

    /** Runs this instance left running when it stopped can never finish: say so instead of leaving them running. */
    private void markOrphans() {
        Instant staleBefore = Instant.now().minusSeconds(properties.staleAfterSeconds());
        for (long id : queue.orphaned(instance, staleBefore)) {
            store.abandon(id, ComparisonStatus.INTERRUPTED, INTERRUPTED);
        }
    }

    /** Another instance's run counts as orphaned only once its heartbeat is stale: that instance may still train it. */
    private void markStale() {
        for (long id : queue.stale(Instant.now().minusSeconds(properties.staleAfterSeconds()))) {
            store.abandon(id, ComparisonStatus.INTERRUPTED, INTERRUPTED);
        }
    }

    /**
     * Claims queued comparisons, in the queue's fair order, while the parameters training here leave room for one more
     * of the largest kind: memory, not a count of runs, is what bounds a class training together.
     */
    private void admit(NDManager manager) {
        long room = TrainingProperties.MAX_LANES * plans.largestLaneParameters();
        while (parametersTraining() + room <= properties.maxTrainingParameters()) {
            Optional<Long> claimed = queue.claimNext(instance);
            if (claimed.isEmpty()) {
                return;
            }
            join(claimed.get(), manager);
        }
    }

    private long parametersTraining() {
        return stacks.values().stream().flatMap(List::stream)
                .mapToLong(stack -> stack.lanes() * stack.config().parameterCount()).sum();
    }

    /** Adds a claimed comparison to the stack of its model shape; if it cannot even start, it fails alone. */
    private void join(long id, NDManager manager) {
        try (NDManager start = manager.newSubManager()) {
            ComparisonRow row = store.find(id).orElseThrow();
            TrainingListener listener = TrainingListener.all(List.of(
                    new StoredMeasurements(id, store, measurements),
                    new ThrottledProgress(id, row.config().steps(), queue),
                    new CancelPolling(id, cancelled, queue)));
            TrainingPlan plan = plans.plan(row.config(), start);
            training.put(stackWithRoom(plan, manager).join(plan, listener), id);
        } catch (Throwable e) {
            // whatever one run throws (even an Error such as running out of memory), the others still train
            log.error("comparison {} failed to start", id, e);
            abandon(id, e);
        }
    }

    /**
     * A stack of the plan's model shape with room for its lanes, or a new one. Stacks are kept to
     * {@code stackLanes} lanes: wider stacks step no faster per lane on a CPU, and a step's activations grow with its
     * width.
     */
    private LaneStack stackWithRoom(TrainingPlan plan, NDManager manager) {
        ModelConfig config = plan.startingWeights().get(0).config();
        List<LaneStack> shape = stacks.computeIfAbsent(config, c -> new ArrayList<>());
        return shape.stream().filter(stack -> stack.lanes() + plan.lanes().size() <= properties.stackLanes())
                .findFirst().orElseGet(() -> {
                    LaneStack stack = new LaneStack(config, manager);
                    shape.add(stack);
                    return stack;
                });
    }

    private boolean closedWhenEmpty(LaneStack stack) {
        if (stack.isEmpty()) {
            stack.close();
            return true;
        }
        return false;
    }

    /** One step of a stack; the comparisons that ended with it are stored. A step that fails fails its whole stack. */
    private void step(LaneStack stack) {
        if (stack.isEmpty()) {
            return;
        }
        List<Enrolment> ended;
        try {
            ended = stack.step();
        } catch (Throwable e) {
            for (Enrolment member : stack.members()) {
                long id = training.remove(member);
                log.error("comparison {} failed", id, e);
                abandon(id, e);
                cancelled.remove(id);
            }
            stacks.get(stack.config()).remove(stack);
            stack.close();
            return;
        }
        for (Enrolment member : ended) {
            long id = training.remove(member);
            try {
                store.finish(id, member.cancelled() ? ComparisonStatus.CANCELLED : ComparisonStatus.FINISHED,
                        member.results(), member.cancelled() ? "Cancelled; the points measured before it are kept" : null);
            } catch (RuntimeException e) {
                log.error("comparison {} could not be stored", id, e);
                abandon(id, e);
            } finally {
                cancelled.remove(id);
            }
        }
    }

    private void abandon(long id, Throwable cause) {
        try {
            store.abandon(id, ComparisonStatus.FAILED, "Training failed: " + cause.getClass().getSimpleName());
        } catch (RuntimeException e) {
            // the database may be what failed: the run's stale heartbeat marks it interrupted later
            log.warn("could not mark comparison {} failed", id, e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
