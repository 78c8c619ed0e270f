package dev.losslens.worker;

import dev.losslens.comparison.ComparisonQueue;
import dev.losslens.comparison.ComparisonStatus;
import dev.losslens.comparison.ComparisonStore;
import dev.losslens.comparison.MeasurementStore;
import dev.losslens.comparison.TrainingProperties;
import dev.losslens.model.DjlEngine;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This instance's trainers: one {@link Trainer} thread per processor by default, each claiming queued comparisons
 * from the shared database queue and training them together in stacks, at a lower scheduling priority than the web
 * server and the explorer, so training fills the processors that interactive requests leave idle. Several instances
 * sharing one database each run their own trainers on the same queue.
 */
@Component
class ComparisonWorker implements SmartLifecycle {

    static final String INTERRUPTED = "Interrupted: the trainer stopped before it finished";

    private final ComparisonStore store;
    private final ComparisonQueue queue;
    private final MeasurementStore measurements;
    private final ComparisonPlans plans;
    private final TrainingProperties properties;
    private final String instance;
    private final Semaphore wake = new Semaphore(0);
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private final List<ExecutorService> threads = new ArrayList<>();

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
        int count = properties.trainerThreads() > 0 ? properties.trainerThreads()
                : Runtime.getRuntime().availableProcessors();
        Trainer.Shared shared = new Trainer.Shared(store, queue, measurements, plans, properties, instance, wake,
                cancelled);
        for (int i = 0; i < count; i++) {
            ExecutorService thread = DjlEngine.thread("losslens-trainer-" + i);
            thread.execute(new Trainer(shared, properties.maxTrainingParameters() / count, () -> running));
            threads.add(thread);
        }
    }

    @Override
    public void stop() {
        running = false;
        wake.release(threads.size());
        threads.forEach(ExecutorService::shutdownNow);
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Runs this instance left running when it stopped can never finish: say so instead of leaving them running. */
    private void markOrphans() {
        Instant staleBefore = Instant.now().minusSeconds(properties.staleAfterSeconds());
        for (long id : queue.orphaned(instance, staleBefore)) {
            store.abandon(id, ComparisonStatus.INTERRUPTED, INTERRUPTED);
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
