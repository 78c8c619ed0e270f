package dev.losslens.worker;

import dev.losslens.comparison.ComparisonQueue;
import dev.losslens.comparison.ComparisonStore;
import dev.losslens.comparison.MeasurementStore;
import dev.losslens.comparison.TrainingProperties;
import dev.losslens.model.DjlEngine;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This instance's trainers: one {@link Trainer} thread per processor by default, each claiming queued comparisons
 * from the shared database queue and training them together in stacks, at a lower scheduling priority than the web
 * server and the explorer, so training fills the processors that interactive requests leave idle. Several instances
 * sharing one database each run their own trainers on the same queue, each under a name no other process shares.
 */
@Component
class ComparisonWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ComparisonWorker.class);
    /** How long stopping waits for the trainers to end their current step and mark what they train interrupted. */
    private static final long STOP_WAIT_SECONDS = 20;

    private final ComparisonStore store;
    private final ComparisonQueue queue;
    private final MeasurementStore measurements;
    private final ComparisonPlans plans;
    private final TrainingProperties properties;
    private final TrainingMeters meters;
    private final String instance;
    private final Semaphore wake = new Semaphore(0);
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private final List<ExecutorService> threads = new ArrayList<>();
    private final List<Trainer> trainers = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> trainerRuns = new CopyOnWriteArrayList<>();

    ComparisonWorker(ComparisonStore store, ComparisonQueue queue, MeasurementStore measurements,
                     ComparisonPlans plans, TrainingProperties properties, TrainingMeters meters) {
        this.store = store;
        this.queue = queue;
        this.measurements = measurements;
        this.plans = plans;
        this.properties = properties;
        this.meters = meters;
        this.instance = uniqueName(properties.instanceId().isBlank() ? hostName() : properties.instanceId());
    }

    /**
     * The configured name (or the host's) and a random suffix: two processes on one host, or two containers given
     * one host name, never share a name in the queue.
     */
    static String uniqueName(String name) {
        return name + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    String instance() {
        return instance;
    }

    int trainerCount() {
        return trainers.size();
    }

    /** Trainers whose loop still runs: one that ended with an error trains nothing more. */
    long trainersAlive() {
        return trainerRuns.stream().filter(run -> !run.isDone()).count();
    }

    /** Lanes in this instance's stacks now. */
    int lanesTraining() {
        return trainers.stream().mapToInt(Trainer::lanesTraining).sum();
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
        running = true;
        int count = properties.trainerThreads() > 0 ? properties.trainerThreads()
                : Runtime.getRuntime().availableProcessors();
        Trainer.Shared shared = new Trainer.Shared(store, queue, measurements, plans, properties, meters, instance,
                wake, cancelled);
        for (int i = 0; i < count; i++) {
            ExecutorService thread = DjlEngine.thread("losslens-trainer-" + i);
            Trainer trainer = new Trainer(shared, properties.maxTrainingParameters() / count, () -> running);
            trainers.add(trainer);
            trainerRuns.add(CompletableFuture.runAsync(trainer, thread).whenComplete((done, failure) -> {
                if (failure != null) {
                    log.error("a trainer of instance {} ended", instance, failure);
                }
            }));
            threads.add(thread);
        }
        log.info("{} trainers started as instance {}", count, instance);
    }

    /**
     * Stops the trainers before the connection pool closes (Spring stops lifecycles before it destroys beans): each
     * ends its current step and marks the runs it trains interrupted. Only a trainer stuck past the wait is cut off.
     */
    @Override
    public void stop() {
        running = false;
        wake.release(threads.size());
        threads.forEach(ExecutorService::shutdown);
        for (ExecutorService thread : threads) {
            try {
                if (!thread.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    log.warn("a trainer did not stop within {} s; its runs are marked interrupted once their heartbeat"
                            + " is stale", STOP_WAIT_SECONDS);
                    thread.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                thread.shutdownNow();
            }
        }
        threads.clear();
        trainers.clear();
        trainerRuns.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
