package dev.losslens.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.ChildApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What the API has shown survives a crash of the default embedded store: the app runs in a child JVM, is killed with
 * SIGKILL at several delays after points appear, and restarted on the same data directory, where every point a
 * client had read must still be there with the same values, and the run, once its heartbeat is stale, interrupted.
 */
class CrashTest {

    private static final long[] KILL_AFTER_MILLIS = {0, 100, 500, 1000};

    /** Points every step, so they keep arriving until the kill. */
    private static final String BODY = """
            {"dataset": "capitals", "model": "tiny", "steps": 400, "batchSize": 4, "evalEvery": 4,
             "seed": %d, "lanes": [{"objective": "pretraining"}, {"objective": "instruction"}]}""";
    private static final int STALE_AFTER_SECONDS = 2;

    @TempDir
    Path work;

    private ChildApp start() throws Exception {
        return ChildApp.start(work, "--losslens.training.stale-after-seconds=" + STALE_AFTER_SECONDS);
    }

    /** Reads the run as a client would until points appear, goes on reading for {@code delay} ms, then kills. */
    private static Map<String, Double> pollUntilPointsThenKill(ChildApp app, long id, long delayMillis)
            throws Exception {
        Map<String, Double> shown = new TreeMap<>();
        long killAt = Long.MAX_VALUE;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < Math.min(killAt, deadline)) {
            Map<String, Double> now = points(app.view(id));
            if (killAt == Long.MAX_VALUE && now.keySet().stream().anyMatch(key -> !key.endsWith("/0"))) {
                killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
            }
            shown.putAll(now);
        }
        assertThat(killAt).as("points after step 0 appeared").isNotEqualTo(Long.MAX_VALUE);
        app.kill();
        return shown;
    }

    @Test
    void everyPointTheApiShowedSurvivesAKillAtAnyMoment() throws Exception {
        ChildApp app = start();
        try {
            for (int i = 0; i < KILL_AFTER_MILLIS.length; i++) {
                long id = app.submit(BODY.formatted(1000 + i));
                Map<String, Double> shown = pollUntilPointsThenKill(app, id, KILL_AFTER_MILLIS[i]);
                app = start();
                JsonNode after = app.viewUntil(id, view -> !view.get("status").asString().equals("running"),
                        Duration.ofSeconds(STALE_AFTER_SECONDS + 20));
                assertThat(after.get("status").asString()).as("run %d once its heartbeat is stale", id)
                        .isEqualTo("interrupted");
                assertThat(points(after)).as("run %d, killed %d ms after its first points", id, KILL_AFTER_MILLIS[i])
                        .containsAllEntriesOf(shown);
            }
        } finally {
            app.kill();
        }
    }

    /** Every shown point as "lane/step" → held-out response NLL. */
    private static Map<String, Double> points(JsonNode view) {
        Map<String, Double> points = new TreeMap<>();
        for (JsonNode lane : view.get("lanes")) {
            for (JsonNode point : lane.get("metrics")) {
                points.put(lane.get("index").asInt() + "/" + point.get("step").asInt(),
                        point.get("responseNll").asDouble());
            }
        }
        return points;
    }
}
