package dev.losslens.lab;

import dev.losslens.comparison.ComparisonService;
import dev.losslens.comparison.ComparisonStatus;
import dev.losslens.comparison.ComparisonView.LaneView;
import dev.losslens.comparison.ComparisonView;
import dev.losslens.system.streams.TickingPublisher;
import dev.losslens.training.LaneStatus;
import dev.losslens.training.MetricPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One watched run: once per tick it reads what is new of the run (a single read, whatever the number of watchers) and
 * sends each subscriber what it has not seen yet; a subscriber that joins late catches up from the points read so
 * far. A heartbeat comment finds connections that died quietly.
 */
final class RunPublisher extends TickingPublisher<RunPublisher.Subscriber> {

    private final long id;
    private final ComparisonService comparisons;
    private final StreamProperties limits;
    private final ReadPoints read = new ReadPoints();
    private long lastHeartbeat = System.nanoTime();

    RunPublisher(long id, ComparisonService comparisons, ScheduledExecutorService ticks, StreamProperties limits) {
        super(ticks, limits.tick());
        this.id = id;
        this.comparisons = comparisons;
        this.limits = limits;
    }

    @Override
    protected void publish() {
        ComparisonView view = comparisons.view(id, read.after());
        read.add(view.lanes());
        boolean heartbeat = System.nanoTime() - lastHeartbeat > limits.heartbeat().toNanos();
        if (heartbeat) {
            lastHeartbeat = System.nanoTime();
        }
        boolean done = view.status().done();
        for (Subscriber subscriber : subscribers()) {
            // a finished run's subscriber got "done" and was completed; one that joined meanwhile is served next tick
            if (!subscriber.send(view, read, heartbeat) || done) {
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
        private StatusEvent lastStatus;

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
        boolean send(ComparisonView view, ReadPoints read, boolean heartbeat) {
            if (lastStep == null) {
                lastStep = new int[view.lanes().size()];
                Arrays.fill(lastStep, -1);
            }
            boolean newPoints = false;
            for (int lane = 0; lane < lastStep.length; lane++) {
                for (MetricPoint point : read.after(lane, lastStep[lane])) {
                    if (!send(SseEmitter.event().name("point").data(new PointEvent(lane, point)))) {
                        return false;
                    }
                    lastStep[lane] = point.step();
                    newPoints = true;
                }
            }
            StatusEvent status = StatusEvent.of(view);
            boolean moved = lastStatus == null || !status.sameProgress(lastStatus);
            if (moved) {
                lastStatus = status;
                if (!send(SseEmitter.event().name("status").data(status))) {
                    return false;
                }
            }
            boolean done = view.status().done();
            // answers change only at evaluation steps, which are exactly when new points arrive
            if ((newPoints || done) && !send(SseEmitter.event().name("generations").data(view.generations()))) {
                return false;
            }
            if (done) {
                if (!send(SseEmitter.event().name("done").data(status))) {
                    return false;
                }
                emitter.complete();
                return true;
            }
            return !heartbeat || newPoints || moved || heartbeat();
        }
    }

    /** A new measurement of one lane. */
    record PointEvent(int lane, MetricPoint point) {
    }

    /**
     * Where the run stands; absent values are null.
     *
     * @param queuePosition runs ahead while queued
     * @param etaSeconds estimated seconds left while queued or running
     */
    record StatusEvent(ComparisonStatus status, int stepsDone, int steps, Integer queuePosition, Double etaSeconds,
                       List<LaneProgress> lanes) {

        static StatusEvent of(ComparisonView view) {
            return new StatusEvent(view.status(), view.stepsDone(), view.config().steps(), view.queuePosition(),
                    view.etaSeconds(), view.lanes().stream().map(lane -> new LaneProgress(lane.index(), lane.status(),
                            lane.divergedAt(), lane.checkpoint())).toList());
        }

        /** Equal but for the estimate, which moves every tick: news only when the run moved. */
        boolean sameProgress(StatusEvent other) {
            return status == other.status && stepsDone == other.stepsDone
                    && Objects.equals(queuePosition, other.queuePosition) && lanes.equals(other.lanes);
        }
    }

    /** @param checkpoint the explorer checkpoint of the lane's final weights, once stored */
    record LaneProgress(int index, LaneStatus status, Integer divergedAt, String checkpoint) {
    }

    /**
     * Every point of the run read so far, per lane. Each tick reads only points after the step every lane has
     * reached: the trainer stores a step's points lane by lane, so a read can fall between two lanes' inserts.
     */
    static final class ReadPoints {

        private final List<List<MetricPoint>> lanes = new ArrayList<>();

        int after() {
            return lanes.isEmpty() ? -1 : lanes.stream().mapToInt(points -> points.isEmpty() ? -1
                    : points.get(points.size() - 1).step()).min().orElse(-1);
        }

        void add(List<LaneView> read) {
            for (LaneView lane : read) {
                while (lanes.size() <= lane.index()) {
                    lanes.add(new ArrayList<>());
                }
                List<MetricPoint> points = lanes.get(lane.index());
                int last = points.isEmpty() ? -1 : points.get(points.size() - 1).step();
                lane.metrics().stream().filter(point -> point.step() > last).forEach(points::add);
            }
        }

        /** The lane's points after {@code step}. */
        List<MetricPoint> after(int lane, int step) {
            List<MetricPoint> points = lanes.get(lane);
            int from = 0;
            while (from < points.size() && points.get(from).step() <= step) {
                from++;
            }
            return points.subList(from, points.size());
        }
    }
}
