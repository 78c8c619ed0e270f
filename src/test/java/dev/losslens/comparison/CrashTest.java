package dev.losslens.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the API has shown survives a crash of the default embedded store: the app runs in a child JVM, is killed with
 * SIGKILL at several delays after points appear, and restarted on the same data directory, where every point a
 * client had read must still be there with the same values.
 */
class CrashTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final long[] KILL_AFTER_MILLIS = {0, 100, 500, 1000};

    @TempDir
    Path work;

    @Test
    void everyPointTheApiShowedSurvivesAKillAtAnyMoment() throws Exception {
        App app = App.start(work);
        try {
            for (int i = 0; i < KILL_AFTER_MILLIS.length; i++) {
                long id = app.submit(1000 + i);
                Map<String, Double> shown = app.pollUntilPointsThenKill(id, KILL_AFTER_MILLIS[i]);
                app = App.start(work);
                JsonNode after = app.view(id);
                assertThat(after.get("status").asString()).as("run %d after the restart", id).isEqualTo("interrupted");
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

    private record App(Process process, String base) {

        static App start(Path work) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                    // a short-lived app: the quick compiler starts it sooner
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), "dev.losslens.LossLensApplication",
                    // the app's own settings, not the tests' in-memory database
                    "--spring.config.location=classpath:/application.properties",
                    "--server.port=" + port, "--logging.level.root=WARN",
                    // two answers per evaluation instead of sixteen: points arrive sooner, and often
                    "--losslens.training.answered-prompts=2"));
            Process process = new ProcessBuilder(command).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(work.resolve("app-" + port + ".log").toFile()).start();
            App app = new App(process, "http://localhost:" + port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as("the app started (see %s)", work).isTrue();
                try {
                    if (app.get("/api/datasets").statusCode() == 200) {
                        return app;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(200);
            }
            throw new AssertionError("the app did not start within 90 s");
        }

        /** Points every step, so they keep arriving until the kill. */
        long submit(long seed) throws Exception {
            String body = """
                    {"dataset": "capitals", "model": "tiny", "steps": 400, "batchSize": 4, "evalEvery": 4,
                     "seed": %d, "lanes": [{"objective": "pretraining"}, {"objective": "instruction"}]}"""
                    .formatted(seed);
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/comparisons"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            return JSON.readTree(response.body()).get("id").asLong();
        }

        /** Reads the run as a client would until points appear, goes on reading for {@code delay} ms, then kills. */
        Map<String, Double> pollUntilPointsThenKill(long id, long delayMillis) throws Exception {
            Map<String, Double> shown = new TreeMap<>();
            long killAt = Long.MAX_VALUE;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < Math.min(killAt, deadline)) {
                Map<String, Double> now = points(view(id));
                if (killAt == Long.MAX_VALUE && now.keySet().stream().anyMatch(key -> !key.endsWith("/0"))) {
                    killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
                }
                shown.putAll(now);
            }
            assertThat(killAt).as("points after step 0 appeared").isNotEqualTo(Long.MAX_VALUE);
            kill();
            return shown;
        }

        JsonNode view(long id) throws Exception {
            HttpResponse<String> response = get("/api/comparisons/" + id);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }

        HttpResponse<String> get(String path) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
