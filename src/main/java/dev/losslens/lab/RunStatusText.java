package dev.losslens.lab;

import dev.losslens.comparison.ComparisonView;
import dev.losslens.system.words.Wording;
import java.time.Duration;
import java.util.Locale;

/**
 * The run page's one-line status, in the reader's language; {@code static/js/run/status-text.js} words live updates
 * from the same {@code page.run.js.*} sentences.
 */
final class RunStatusText {

    private RunStatusText() {
    }

    static String of(ComparisonView run, Wording words) {
        int steps = run.config().steps();
        String done = words.page("page.run.js.done", run.stepsDone(), steps);
        return switch (run.status()) {
            case QUEUED -> (run.queuePosition() == null || run.queuePosition() == 0 ? words.page("page.run.js.next")
                    : words.page("page.run.js.queued", run.queuePosition()))
                    + (run.etaSeconds() == null ? "" : words.page("page.run.js.doneIn", duration(run.etaSeconds(), words)));
            case RUNNING -> words.page("page.run.js.running", done)
                    + (run.etaSeconds() == null ? "" : words.page("page.run.js.left", duration(run.etaSeconds(), words)));
            case FINISHED -> words.page("page.run.js.finished", steps) + (run.startedAt() == null
                    || run.finishedAt() == null ? "" : words.page("page.run.js.finishedIn",
                    duration(Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0, words)));
            case CANCELLED -> words.page("page.run.js.cancelled", done);
            case INTERRUPTED -> words.page("page.run.js.interrupted", done);
            case FAILED -> words.page("page.run.js.failed", done);
        };
    }

    private static String duration(double seconds, Wording words) {
        long whole = Math.round(seconds);
        if (seconds < 10) {
            return words.page("page.run.js.seconds", String.format(Locale.ROOT, "%.1f", seconds));
        }
        return whole < 60 ? words.page("page.run.js.seconds", whole)
                : words.page("page.run.js.minutes", whole / 60, "%02d".formatted(whole % 60));
    }
}
