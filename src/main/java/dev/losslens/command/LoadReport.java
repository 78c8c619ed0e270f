package dev.losslens.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/** What a load run measured: a table of the endpoint groups, their answers, the memory of the watched processes. */
final class LoadReport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] HEADINGS = {"group", "requests", "per s", "p50 ms", "p99 ms", "refused", "errors",
            "streams", "events"};

    private final HallLoad.Options options;
    private final double seconds;
    private final Map<Endpoint, LatencyRecorder.Summary> groups = new LinkedHashMap<>();
    private final Map<Long, OptionalLong> rssBefore;
    private final Map<Long, OptionalLong> rssAfter;

    /** @param seconds how long the run took, measured */
    LoadReport(HallLoad.Options options, double seconds, Map<Endpoint, LatencyRecorder> recorders,
               Map<Long, OptionalLong> rssBefore, Map<Long, OptionalLong> rssAfter) {
        this.options = options;
        this.seconds = seconds;
        recorders.forEach((endpoint, recorder) -> groups.put(endpoint, recorder.summary(seconds)));
        this.rssBefore = rssBefore;
        this.rssAfter = rssAfter;
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "%d students for %d s on %s (%.1f s measured)%n%n", options.students(),
                options.seconds(), options.urls().stream().map(Object::toString).collect(Collectors.joining(", ")),
                seconds);
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        groups.forEach((endpoint, group) -> rows.add(row(endpoint, group)));
        table(rows, true).forEach(out::println);
        out.println("\np50/p99 of a run stream: time to its first event. refused: 409 and 429, the app's own limits.");
        out.println("\nanswers by status (or failure):");
        List<String[]> answers = new ArrayList<>();
        groups.forEach((endpoint, group) -> answers.add(new String[] {endpoint.label(), endpoint.request(),
                group.outcomes().entrySet().stream().map(outcome -> outcome.getKey() + ": " + outcome.getValue())
                        .collect(Collectors.joining(", "))}));
        table(answers, false).forEach(line -> out.println("  " + line));
        if (!rssBefore.isEmpty()) {
            out.println("\nresident memory (VmRSS):");
            rssBefore.forEach((pid, before) -> out.println("  pid " + pid + ": " + megabytes(before) + " before, "
                    + megabytes(rssAfter.get(pid)) + " after"));
        }
        out.println();
        out.println(JSON.writeValueAsString(summary()));
    }

    private static String[] row(Endpoint endpoint, LatencyRecorder.Summary group) {
        boolean stream = endpoint == Endpoint.RUN_STREAM;
        return new String[] {endpoint.label(), String.valueOf(group.requests()),
                String.format(Locale.ROOT, "%.2f", group.perSecond()), millis(group.p50Millis()),
                millis(group.p99Millis()), String.valueOf(group.refused()), String.valueOf(group.errors()),
                stream ? String.valueOf(group.streams()) : "-", stream ? String.valueOf(group.events()) : "-"};
    }

    /** The rows' cells padded to their column's width: the first column to the left, the others as {@code numbers}. */
    private static List<String> table(List<String[]> rows, boolean numbers) {
        int[] widths = new int[rows.get(0).length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        return rows.stream().map(row -> {
            StringBuilder line = new StringBuilder(String.format("%-" + widths[0] + "s", row[0]));
            for (int i = 1; i < row.length; i++) {
                line.append("  ").append(String.format("%" + (numbers ? "" : "-") + widths[i] + "s", row[i]));
            }
            return line.toString().stripTrailing();
        }).toList();
    }

    private static String millis(double millis) {
        return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, "%.1f", millis);
    }

    private static String megabytes(OptionalLong kb) {
        return kb.isPresent() ? String.format(Locale.ROOT, "%.1f MB", kb.getAsLong() / 1024.0) : "(no such process)";
    }

    /** The same figures as one JSON object, for scripts. */
    private Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("students", options.students());
        summary.put("seconds", options.seconds());
        summary.put("measured_seconds", rounded(seconds, 2));
        summary.put("urls", options.urls().stream().map(Object::toString).toList());
        Map<String, Object> byGroup = new LinkedHashMap<>();
        groups.forEach((endpoint, group) -> {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("requests", group.requests());
            figures.put("per_s", rounded(group.perSecond(), 2));
            figures.put("p50_ms", rounded(group.p50Millis(), 1));
            figures.put("p99_ms", rounded(group.p99Millis(), 1));
            figures.put("refused", group.refused());
            figures.put("errors", group.errors());
            if (endpoint == Endpoint.RUN_STREAM) {
                figures.put("streams", group.streams());
                figures.put("events", group.events());
            }
            figures.put("answers", group.outcomes());
            byGroup.put(endpoint.name().toLowerCase(Locale.ROOT), figures);
        });
        summary.put("groups", byGroup);
        Map<String, Object> memory = new LinkedHashMap<>();
        rssBefore.forEach((pid, before) -> {
            Map<String, Object> kb = new LinkedHashMap<>();
            kb.put("before", before.isPresent() ? before.getAsLong() : null);
            kb.put("after", rssAfter.get(pid).isPresent() ? rssAfter.get(pid).getAsLong() : null);
            memory.put(String.valueOf(pid), kb);
        });
        summary.put("rss_kb", memory);
        return summary;
    }

    /** NaN (no samples) as null, which JSON can say. */
    private static Double rounded(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Double.isNaN(value) ? null : Math.round(value * scale) / scale;
    }
}
