package dev.losslens.lab;

import dev.losslens.comparison.ComparisonService;
import dev.losslens.comparison.ComparisonStatus;
import dev.losslens.comparison.ComparisonView;
import dev.losslens.comparison.ComparisonView.LaneView;
import dev.losslens.training.MetricPoint;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One watched run: once per tick it reads the run (a single view, whatever the number of watchers) and sends each
 * subscriber what it has not seen yet; a subscriber that joins late catches up from the same read. A heartbeat
 * comment finds connections that died quietly. With its last subscriber gone it stops and reads nothing more.
 */
final class RunPublisher {

    private static final Logger log = LoggerFactory.getLogger(RunPublisher.class);

    private final long id;
    private final ComparisonService comparisons;
    private final StreamProperties limits;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticks;
    private ScheduledFuture<?> task;
    private Runnable onClosed = () -> { };
    private boolean closed;
    private long lastHeartbeat = System.nanoTime();

    RunPublisher(long id, ComparisonService comparisons, ScheduledExecutorService ticks, StreamProperties limits) {
        this.id = id;
        this.comparisons = comparisons;
        this.limits = limits;
        this.ticks = ticks;
    }

    void onClosed(Runnable action) {
        this.onClosed = action;
    }

    /** @return false if this publisher has already stopped; the caller then starts a new one */
    synchronized boolean add(SseEmitter emitter, Runnable release) {
        if (closed) {
            return false;
        }
        Subscriber subscriber = new Subscriber(emitter, release);
        subscribers.add(subscriber);
        emitter.onCompletion(() -> drop(subscriber));
        emitter.onTimeout(() -> drop(subscriber));
        emitter.onError(error -> drop(subscriber));
        if (task == null) {
            task = ticks.scheduleWithFixedDelay(this::tick, 0, limits.tick().toMillis(), TimeUnit.MILLISECONDS);
        }
        return true;
    }

    private void drop(Subscriber subscriber) {
        if (subscribers.remove(subscriber)) {
            subscriber.release.run();
        }
    }

    private void tick() {
        try {
            if (subscribers.isEmpty()) {
                closeIfUnwatched();
                return;
            }
            ComparisonView view = comparisons.view(id);
            boolean heartbeat = System.nanoTime() - lastHeartbeat > limits.heartbeat().toNanos();
            if (heartbeat) {
                lastHeartbeat = System.nanoTime();
            }
            boolean done = ComparisonStatus.of(view.status()).done();
            for (Subscriber subscriber : subscribers) {
                // a finished run's subscriber got "done" and was completed; one that joined meanwhile is served next tick
                if (!subscriber.send(view, heartbeat) || done) {
                    drop(subscriber);
                }
            }
            if (done) {
                closeIfUnwatched();
            }
        } catch (RuntimeException e) {
            // a database hiccup must not end the stream: the next tick reads again
            log.warn("could not read comparison {} for its watchers", id, e);
        }
    }

    private void closeIfUnwatched() {
        synchronized (this) {
            if (!subscribers.isEmpty() || closed) {
                return;
            }
            closed = true;
            task.cancel(false);
        }
        // outside the lock: the registry may be adding a subscriber to this publisher right now
        onClosed.run();
    }

    /** One browser's stream and what it has been sent. */
    private static final class Subscriber {

        private final SseEmitter emitter;
        private final Runnable release;
        // per lane: the trainer stores a step's points lane by lane, so a read can fall between two lanes' inserts
        private int[] lastStep;
        private String lastStatus;

        Subscriber(SseEmitter emitter, Runnable release) {
            this.emitter = emitter;
            this.release = release;
        }

        /** @return false when the client is gone */
        boolean send(ComparisonView view, boolean heartbeat) {
            if (lastStep == null) {
                lastStep = new int[view.lanes().size()];
                Arrays.fill(lastStep, -1);
            }
            try {
                boolean sent = false;
                for (LaneView lane : view.lanes()) {
                    for (MetricPoint point : lane.metrics()) {
                        if (point.step() > lastStep[lane.index()]) {
                            emitter.send(SseEmitter.event().name("point")
                                    .data(Map.of("lane", lane.index(), "point", point)));
                            lastStep[lane.index()] = point.step();
                            sent = true;
                        }
                    }
                }
                boolean newPoints = sent;
                String status = view.status() + "/" + view.stepsDone() + "/" + view.queuePosition();
                if (!status.equals(lastStatus)) {
                    lastStatus = status;
                    emitter.send(SseEmitter.event().name("status").data(statusOf(view)));
                    sent = true;
                }
                boolean done = ComparisonStatus.of(view.status()).done();
                // answers change only at evaluation steps, which are exactly when new points arrive
                if (newPoints || done) {
                    emitter.send(SseEmitter.event().name("generations").data(view.generations()));
                }
                if (done) {
                    emitter.send(SseEmitter.event().name("done").data(statusOf(view)));
                    emitter.complete();
                } else if (heartbeat && !sent) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                }
                return true;
            } catch (IOException | IllegalStateException gone) {
                return false;
            }
        }

        private static Map<String, Object> statusOf(ComparisonView view) {
            return Map.of("status", view.status(), "stepsDone", view.stepsDone(), "steps", view.config().steps(),
                    "queuePosition", view.queuePosition() == null ? -1 : view.queuePosition(),
                    "etaSeconds", view.etaSeconds() == null ? -1 : view.etaSeconds(),
                    "lanes", view.lanes().stream().map(l -> Map.of("index", l.index(), "status", l.status(),
                            "checkpoint", l.checkpoint() == null ? "" : l.checkpoint())).toList());
        }
    }
}
