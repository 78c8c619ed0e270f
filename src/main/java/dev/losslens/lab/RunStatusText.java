package dev.losslens.lab;

import dev.losslens.comparison.ComparisonStatus;
import dev.losslens.comparison.ComparisonView;
import java.time.Duration;
import java.util.Locale;

/** The run page's one-line status; {@code static/js/run/status-text.js} words live updates the same way. */
final class RunStatusText {

    private RunStatusText() {
    }

    static String of(ComparisonView run) {
        int steps = run.config().steps();
        String done = "%d of %d steps".formatted(run.stepsDone(), steps);
        return switch (run.status()) {
            case QUEUED -> (run.queuePosition() == null || run.queuePosition() == 0 ? "Next in the queue"
                    : "Waiting in the queue: %d ahead".formatted(run.queuePosition()))
                    + (run.etaSeconds() == null ? "" : " · done in about " + duration(run.etaSeconds()));
            case RUNNING -> "Training: " + done
                    + (run.etaSeconds() == null ? "" : " · about %s left".formatted(duration(run.etaSeconds())));
            case FINISHED -> "Finished: " + steps + " steps" + (run.startedAt() == null || run.finishedAt() == null
                    ? "" : " in " + duration(Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0));
            case CANCELLED -> "Cancelled after " + done + "; what was measured is kept";
            case INTERRUPTED -> "Interrupted after " + done + ": the server stopped";
            case FAILED -> "Failed after " + done;
        };
    }

    private static String duration(double seconds) {
        long whole = Math.round(seconds);
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        return whole < 60 ? whole + " s" : "%d min %02d s".formatted(whole / 60, whole % 60);
    }
}
