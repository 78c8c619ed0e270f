package dev.losslens;

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
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * LossLens in a child JVM with the app's own settings (not the tests'), on a free port, so a test can kill it with
 * SIGKILL as a crash would, and read it over HTTP as any client does.
 */
public record ChildApp(Process process, String base) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Starts the app in {@code work} (its H2 files live there unless a setting points elsewhere) and waits until it
     * answers.
     *
     * @param settings further command-line settings, such as another database
     */
    public static ChildApp start(Path work, String... settings) throws Exception {
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
                "--server.port=" + port, "--management.server.port=0", "--logging.level.root=WARN",
                // two answers per evaluation instead of sixteen: points arrive sooner, and often
                "--losslens.training.answered-prompts=2"));
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("app-" + port + ".log").toFile()).start();
        ChildApp app = new ChildApp(process, "http://localhost:" + port);
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

    /** Submits a comparison (the API's JSON body) and returns its id. */
    public long submit(String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/comparisons"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("id").asLong();
    }

    public JsonNode view(long id) throws Exception {
        HttpResponse<String> response = get("/api/comparisons/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Reads the comparison until {@code until} holds of it, for at most {@code limit}. */
    public JsonNode viewUntil(long id, Predicate<JsonNode> until, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode view = view(id);
        while (!until.test(view) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            view = view(id);
        }
        return view;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: nothing runs on the way out, as in a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
