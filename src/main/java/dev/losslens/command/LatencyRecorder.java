package dev.losslens.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one endpoint group answered during a load run: every latency sample (bounded by the run's length), and each
 * answer counted by its status, or by what went wrong when none came. 409 and 429 are the app's deliberate limits
 * (a locked poll, a full queue), so they are counted as refusals apart from errors.
 */
final class LatencyRecorder {

    private final List<Long> samples = new ArrayList<>();
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private int requests;
    private int refused;
    private int errors;
    private int streams;
    private long events;

    /** A response with {@code status}; {@code nanos} is its latency, or negative when it gave none to measure. */
    synchronized void answered(int status, long nanos) {
        requests++;
        outcomes.merge(String.valueOf(status), 1, Integer::sum);
        if (refusal(status)) {
            refused++;
        } else if (status >= 400) {
            errors++;
        }
        if (nanos >= 0) {
            samples.add(nanos);
        }
    }

    /** No answer at all: a timeout, a refused connection, a stream that broke. */
    synchronized void failed(String cause) {
        requests++;
        errors++;
        outcomes.merge(cause, 1, Integer::sum);
    }

    /** An event stream that opened; its latency is the time to its first event, if one came. */
    synchronized void streamed(long firstEventNanos, int received) {
        answered(200, firstEventNanos);
        streams++;
        events += received;
    }

    static boolean refusal(int status) {
        return status == 409 || status == 429;
    }

    synchronized Summary summary(double seconds) {
        List<Long> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        return new Summary(requests, requests / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99), refused,
                errors, streams, events, new TreeMap<>(outcomes));
    }

    /** Nearest rank, in milliseconds; NaN without samples. */
    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1) / 1e6;
    }

    /** @param outcomes count per status code, or per cause of a failure ("timeout", "connection") */
    record Summary(int requests, double perSecond, double p50Millis, double p99Millis, int refused, int errors,
                   int streams, long events, Map<String, Integer> outcomes) {
    }
}
