package dev.losslens.worker;

import ai.djl.ndarray.NDManager;
import dev.losslens.comparison.ComparisonQueue;
import dev.losslens.comparison.ComparisonRow;
import dev.losslens.comparison.ComparisonStatus;
import dev.losslens.comparison.ComparisonStore;
import dev.losslens.comparison.DatasetGoneException;
import dev.losslens.comparison.MeasurementStore;
import dev.losslens.comparison.RunMessage;
import dev.losslens.comparison.TrainingProperties;
import dev.losslens.model.ModelConfig;
import dev.losslens.training.Enrolment;
import dev.losslens.training.LaneStack;
import dev.losslens.training.TrainingListener;
import dev.losslens.training.TrainingPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One trainer thread: it claims queued comparisons from the shared database queue and trains them together, one
 * running stack per model shape (several when one would grow past {@code stackLanes}). A claimed comparison joins its
 * stack between two steps; a finished one leaves and frees room for the next in the queue. Its lanes' arithmetic is
 * its own, so which trainer or stack trains a comparison never changes its numbers.
 */
final class Trainer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Trainer.class);
    private static final long IDLE_POLL_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Longest one round spends joining claimed comparisons before the stacks step again. */
    private static final long ADMIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Shared shared;
    private final long parameterBudget;
    /** Weights of a comparison of the most lanes of the largest model. */
    private final long roomForAnyComparison;
    private final BooleanSupplier running;
    /** The running stacks of each model shape, and the comparison each member trains; this thread only. */
    private final Map<ModelConfig, List<LaneStack>> stacks = new LinkedHashMap<>();
    private final Map<Enrolment, Long> training = new HashMap<>();
    /** Lanes in this trainer's stacks after its last round, read by the stack-width gauge. */
    private volatile int lanesTraining;

    /** What every trainer of this instance shares: the stores, the queue and its signals. */
    record Shared(ComparisonStore store, ComparisonQueue queue, MeasurementStore measurements, ComparisonPlans plans,
                  TrainingProperties properties, TrainingMeters meters, String instance, Semaphore wake,
                  Set<Long> cancelled) {
    }

    /** @param parameterBudget most weights this trainer trains at once, over all its lanes */
    Trainer(Shared shared, long parameterBudget, BooleanSupplier running) {
        this.shared = shared;
        this.parameterBudget = parameterBudget;
        this.roomForAnyComparison = TrainingProperties.MAX_LANES * shared.plans().largestLaneParameters();
        this.running = running;
    }

    @Override
    public void run() {
        BackgroundPriority.lower();
        try (NDManager manager = NDManager.newBaseManager()) {
            boolean look = true;
            long lastLook = 0;
            while (running.getAsBoolean()) {
                // the queue is read when a submission signals, and otherwise once per poll, not at every step
                if (look || shared.wake().tryAcquire() || System.nanoTime() - lastLook >= IDLE_POLL_NANOS) {
                    lastLook = System.nanoTime();
                    look = false;
                    try {
                        markStale();
                        look = admit(manager);
                    } catch (RuntimeException e) {
                        // the database may be restarting: keep the trainer alive and ask again at the next poll
                        log.warn("could not read the queue", e);
                    }
                }
                if (training.isEmpty()) {
                    look = true;
                    shared.wake().tryAcquire(IDLE_POLL_NANOS, TimeUnit.NANOSECONDS);
                    continue;
                }
                for (List<LaneStack> shape : stacks.values()) {
                    List.copyOf(shape).forEach(this::step);
                    shape.removeIf(this::closedWhenEmpty);
                }
                lanesTraining = stacks.values().stream().flatMap(List::stream).mapToInt(LaneStack::lanes).sum();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            interruptTraining();
            stacks.values().forEach(shape -> shape.forEach(LaneStack::close));
        }
    }

    /**
     * The instance is stopping: runs still training here end as interrupted, keeping their points, while the database
     * is still open. They are not handed back to the queue: a run cannot resume from the middle (its optimiser state is
     * not stored), and starting it again would repeat steps its learner has already watched.
     */
    private void interruptTraining() {
        for (long id : training.values()) {
            try {
                shared.store().abandon(id, ComparisonStatus.INTERRUPTED, RunMessage.INTERRUPTED);
            } catch (RuntimeException e) {
                log.warn("could not mark comparison {} interrupted", id, e);
            }
        }
        training.clear();
    }

    /**
     * Another process's run is orphaned only once its heartbeat is stale, whatever name claimed it: that process may
     * still be training it until then.
     */
    private void markStale() {
        Instant staleBefore = Instant.now().minusSeconds(shared.properties().staleAfterSeconds());
        for (long id : shared.queue().stale(staleBefore, shared.instance())) {
            shared.store().interruptIfStale(id, staleBefore, RunMessage.INTERRUPTED);
        }
    }

    /**
     * Claims queued comparisons, in the queue's fair order, while the parameters training here leave room for one more
     * of the largest kind: memory, not a count of runs, is what bounds a class training together. Joining measures
     * step 0, which takes a while, so a round joins for at most {@link #ADMIT_NANOS}; then the stacks step, and their
     * runs beat, before the next round claims more.
     *
     * @return whether the round ended with room and work left
     */
    private boolean admit(NDManager manager) {
        long until = System.nanoTime() + ADMIT_NANOS;
        while (parametersTraining() + roomForAnyComparison <= parameterBudget) {
            if (System.nanoTime() >= until) {
                return true;
            }
            Optional<Long> claimed = shared.queue().claimNext(shared.instance());
            if (claimed.isEmpty()) {
                return false;
            }
            join(claimed.get(), manager);
        }
        return false;
    }

    int lanesTraining() {
        return lanesTraining;
    }

    private long parametersTraining() {
        return stacks.values().stream().flatMap(List::stream)
                .mapToLong(stack -> stack.lanes() * stack.config().parameterCount()).sum();
    }

    /** Adds a claimed comparison to the stack of its model shape; if it cannot even start, it fails alone. */
    private void join(long id, NDManager manager) {
        try (NDManager start = manager.newSubManager()) {
            ComparisonRow row = shared.store().find(id).orElseThrow();
            shared.meters().claimed(Duration.between(row.createdAt(), row.startedAt()));
            TrainingListener listener = TrainingListener.all(List.of(
                    new StoredMeasurements(id, shared.store(), shared.measurements()),
                    new ThrottledProgress(id, row.config().steps(), shared.queue()),
                    new CancelPolling(id, shared.cancelled(), shared.queue())));
            TrainingPlan plan = shared.plans().plan(row.config(), start);
            training.put(stackWithRoom(plan, manager).join(plan, listener), id);
            // joining measured step 0, which may take a while on a busy machine: beat before the first step does
            shared.queue().progress(id, 0, 0.0);
        } catch (DatasetGoneException gone) {
            log.info("comparison {} cannot start: {}", id, gone.getMessage());
            try {
                shared.store().abandon(id, ComparisonStatus.FAILED, RunMessage.datasetGone(gone.dataset()));
            } catch (RuntimeException e) {
                log.warn("could not mark comparison {} failed", id, e);
            }
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
        return shape.stream().filter(stack -> stack.lanes() + plan.lanes().size() <= shared.properties().stackLanes())
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
        int lanes = stack.lanes();
        long tokensBefore = stack.tokens();
        try {
            ended = stack.step();
            shared.meters().stepped(lanes, stack.tokens() - tokensBefore);
        } catch (Throwable e) {
            for (Enrolment member : stack.members()) {
                long id = training.remove(member);
                log.error("comparison {} failed", id, e);
                abandon(id, e);
                shared.cancelled().remove(id);
            }
            stacks.get(stack.config()).remove(stack);
            stack.close();
            return;
        }
        for (Enrolment member : ended) {
            long id = training.remove(member);
            try {
                shared.store().finish(id, member.cancelled() ? ComparisonStatus.CANCELLED : ComparisonStatus.FINISHED,
                        member.results(), member.cancelled() ? RunMessage.CANCELLED : null);
            } catch (RuntimeException e) {
                log.error("comparison {} could not be stored", id, e);
                abandon(id, e);
            } finally {
                shared.cancelled().remove(id);
            }
        }
    }

    private void abandon(long id, Throwable cause) {
        try {
            shared.store().abandon(id, ComparisonStatus.FAILED, RunMessage.failed(cause));
        } catch (RuntimeException e) {
            // the database may be what failed: the run's stale heartbeat marks it interrupted later
            log.warn("could not mark comparison {} failed", id, e);
        }
    }

}
