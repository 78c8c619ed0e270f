package dev.losslens.worker;

import ai.djl.ndarray.NDManager;
import dev.losslens.comparison.ComparisonQueue;
import dev.losslens.comparison.ComparisonRow;
import dev.losslens.comparison.ComparisonStatus;
import dev.losslens.comparison.ComparisonStore;
import dev.losslens.comparison.MeasurementStore;
import dev.losslens.comparison.TrainingProperties;
import dev.losslens.model.DjlEngine;
import dev.losslens.training.LaneResult;
import dev.losslens.training.LaneStatus;
import dev.losslens.training.LockstepTraining;
import dev.losslens.training.TrainingListener;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
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
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This instance's trainer: one thread that claims queued comparisons from the shared database queue and trains
 * them one at a time (the engine allows one gradient collector per process). Several instances sharing one
 * database each run their own worker on the same queue.
 */
@Component
class ComparisonWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ComparisonWorker.class);
    private static final long IDLE_POLL_MILLIS = 1000;

    private final ComparisonStore store;
    private final ComparisonQueue queue;
    private final MeasurementStore measurements;
    private final ComparisonPlans plans;
    private final TrainingProperties properties;
    private final String instance;
    private final Semaphore wake = new Semaphore(0);
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
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
        // runs this instance left running when it stopped can never finish: say so instead of leaving them running;
        // another instance's run counts only once its heartbeat is stale, since that instance may still be training it
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
                Optional<Long> claimed = Optional.empty();
                try {
                    markOrphans();
                    claimed = queue.claimNext(instance);
                } catch (RuntimeException e) {
                    // the database may be restarting: keep the trainer alive and ask again at the next poll
                    log.warn("could not read the queue", e);
                }
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

    private void markOrphans() {
        Instant staleBefore = Instant.now().minusSeconds(properties.staleAfterSeconds());
        for (long id : queue.orphaned(instance, staleBefore)) {
            store.abandon(id, ComparisonStatus.INTERRUPTED, "Interrupted: the trainer stopped before it finished");
        }
    }

    /** Trains one claimed comparison; whatever goes wrong, the loop goes on to the next. */
    private void train(long id, NDManager parent) {
        try (NDManager manager = parent.newSubManager()) {
            ComparisonRow row = store.find(id).orElseThrow();
            TrainingListener listener = TrainingListener.all(List.of(
                    new StoredMeasurements(id, store, measurements),
                    new ThrottledProgress(id, row.config().steps(), queue),
                    new CancelPolling(id, cancelled, queue)));
            List<LaneResult> results = LockstepTraining.run(plans.plan(row.config(), manager), listener, manager);
            boolean wasCancelled = results.stream().anyMatch(r -> r.status() == LaneStatus.CANCELLED);
            store.finish(id, wasCancelled ? ComparisonStatus.CANCELLED : ComparisonStatus.FINISHED, results,
                    wasCancelled ? "Cancelled; the points measured before it are kept" : null);
        } catch (Throwable e) {
            // whatever one run throws (even an Error such as running out of memory), the next run still trains
            log.error("comparison {} failed", id, e);
            abandon(id, e);
        } finally {
            cancelled.remove(id);
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
