package dev.losslens.lab;

import dev.losslens.comparison.ComparisonRow;
import dev.losslens.comparison.ComparisonService;
import dev.losslens.comparison.ComparisonView;
import dev.losslens.comparison.LanePoint;
import dev.losslens.comparison.MeasurementStore;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams a comparison to a browser. Each subscriber follows the stored points, so a page on any instance sees a
 * run trained by any other instance sharing the database; a finished or replayed run streams all at once.
 */
@Component
class ComparisonStream {

    private static final long POLL_MILLIS = 250;
    private static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;

    private final ComparisonService comparisons;
    private final MeasurementStore measurements;
    private final ScheduledExecutorService pollers = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "losslens-events");
        thread.setDaemon(true);
        return thread;
    });

    ComparisonStream(ComparisonService comparisons, MeasurementStore measurements) {
        this.comparisons = comparisons;
        this.measurements = measurements;
    }

    SseEmitter subscribe(long id) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        // per lane: the trainer stores a step's points lane by lane, so a poll can fall between two lanes' inserts
        int[] lastStep = new int[comparisons.require(id).config().lanes().size()];
        Arrays.fill(lastStep, -1);
        String[] lastStatus = {null};
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable poll = () -> {
            try {
                ComparisonRow row = comparisons.require(id);
                boolean newPoints = false;
                for (LanePoint point : measurements.points(row.dataId(), Arrays.stream(lastStep).min().orElse(-1))) {
                    if (point.point().step() > lastStep[point.lane()]) {
                        emitter.send(SseEmitter.event().name("point").data(Map.of("lane", point.lane(), "point", point.point())));
                        lastStep[point.lane()] = point.point().step();
                        newPoints = true;
                    }
                }
                ComparisonView view = comparisons.view(id);
                String status = view.status() + "/" + view.stepsDone() + "/" + view.queuePosition();
                if (!status.equals(lastStatus[0])) {
                    lastStatus[0] = status;
                    emitter.send(SseEmitter.event().name("status").data(statusOf(view)));
                }
                // answers change only at evaluation steps, which are exactly when new points arrive
                if (newPoints || row.status().done()) {
                    emitter.send(SseEmitter.event().name("generations").data(view.generations()));
                }
                if (row.status().done()) {
                    emitter.send(SseEmitter.event().name("done").data(statusOf(view)));
                    emitter.complete();
                    task.get().cancel(false);
                }
            } catch (IOException | IllegalStateException clientGone) {
                task.get().cancel(false);
            }
        };
        task.set(pollers.scheduleWithFixedDelay(poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS));
        emitter.onCompletion(() -> task.get().cancel(false));
        emitter.onTimeout(() -> task.get().cancel(false));
        emitter.onError(error -> task.get().cancel(false));
        return emitter;
    }

    private static Map<String, Object> statusOf(ComparisonView view) {
        return Map.of("status", view.status(), "stepsDone", view.stepsDone(), "steps", view.config().steps(),
                "queuePosition", view.queuePosition() == null ? -1 : view.queuePosition(),
                "etaSeconds", view.etaSeconds() == null ? -1 : view.etaSeconds(),
                "lanes", view.lanes().stream().map(l -> Map.of("index", l.index(), "status", l.status(),
                        "checkpoint", l.checkpoint() == null ? "" : l.checkpoint())).toList());
    }

    @PreDestroy
    void shutdown() {
        pollers.shutdownNow();
    }
}
