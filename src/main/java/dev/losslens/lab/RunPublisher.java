package dev.losslens.lab;

import dev.losslens.comparison.ComparisonService;
import dev.losslens.comparison.ComparisonStatus;
import dev.losslens.comparison.ComparisonView;
import dev.losslens.comparison.ComparisonView.LaneView;
import dev.losslens.system.TickingPublisher;
import dev.losslens.training.MetricPoint;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One watched run: once per tick it reads the run (a single view, whatever the number of watchers) and sends each
 * subscriber what it has not seen yet; a subscriber that joins late catches up from the same read. A heartbeat
 * comment finds connections that died quietly.
 */
final class RunPublisher extends TickingPublisher<RunPublisher.Subscriber> {

    private final long id;
    private final ComparisonService comparisons;
    private final StreamProperties limits;
    private long lastHeartbeat = System.nanoTime();

    RunPublisher(long id, ComparisonService comparisons, ScheduledExecutorService ticks, StreamProperties limits) {
        super(ticks, limits.tick());
        this.id = id;
        this.comparisons = comparisons;
        this.limits = limits;
    }

    @Override
    protected void publish() {
        ComparisonView view = comparisons.view(id);
        boolean heartbeat = System.nanoTime() - lastHeartbeat > limits.heartbeat().toNanos();
        if (heartbeat) {
            lastHeartbeat = System.nanoTime();
        }
        boolean done = ComparisonStatus.of(view.status()).done();
        for (Subscriber subscriber : subscribers()) {
            // a finished run's subscriber got "done" and was completed; one that joined meanwhile is served next tick
            if (!subscriber.send(view, heartbeat) || done) {
                drop(subscriber);
            }
        }
        if (done) {
            closeIfUnwatched();
        }
    }

    @Override
    public String toString() {
        return "comparison " + id;
    }

    /** One browser's stream and what it has been sent. */
    static final class Subscriber implements TickingPublisher.Subscriber {

        private final SseEmitter emitter;
        private final Runnable release;
        // per lane: the trainer stores a step's points lane by lane, so a read can fall between two lanes' inserts
        private int[] lastStep;
        private String lastStatus;

        Subscriber(SseEmitter emitter, Runnable release) {
            this.emitter = emitter;
            this.release = release;
        }

        @Override
        public SseEmitter emitter() {
            return emitter;
        }

        @Override
        public Runnable release() {
            return release;
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
