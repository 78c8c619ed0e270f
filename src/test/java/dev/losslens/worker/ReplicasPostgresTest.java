package dev.losslens.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.ChildApp;
import dev.losslens.LossLensApplication;
import dev.losslens.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two replicas on one host and one PostgreSQL database, as a department runs them: replica A in a child JVM (so it
 * can be killed as a crash would), replica B in this one. Neither is given a name, so both start from the same host
 * name. They share the queue, follow and cancel each other's runs, and when A dies B interrupts A's runs once their
 * heartbeat is stale while it goes on training.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasPostgresTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int STALE_AFTER_SECONDS = 3;
    private static final String COMPARISON = """
            {"dataset": "capitals", "model": "tiny", "steps": %d, "batchSize": 4, "evalEvery": 10,
             "seed": %d, "lanes": [{"objective": "pretraining"}, {"objective": "instruction"}]}""";

    @TempDir
    static Path work;

    private String[] settings;
    private ChildApp a;
    private ConfigurableApplicationContext b;
    private ChildApp bClient;
    private JdbcClient database;
    private String bName;

    @BeforeAll
    void startTwoReplicas() throws Exception {
        String[] settings = Stream.concat(Stream.of(PostgresServer.arguments(PostgresServer.newDatabase())), Stream.of(
                "--losslens.training.stale-after-seconds=" + STALE_AFTER_SECONDS,
                "--losslens.training.trainer-threads=1")).toArray(String[]::new);
        long started = System.nanoTime();
        a = ChildApp.start(work, settings);
        this.settings = settings;
        startB();
        System.out.printf("two replicas started in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private void startB() {
        List<String> bSettings = new ArrayList<>(List.of(settings));
        bSettings.add("--server.port=0");
        b = new SpringApplicationBuilder(LossLensApplication.class).run(bSettings.toArray(String[]::new));
        bClient = new ChildApp(null, "http://localhost:" + b.getEnvironment().getProperty("local.server.port"));
        database = b.getBean(JdbcClient.class);
        bName = b.getBean(ComparisonWorker.class).instance();
    }

    @AfterAll
    void stopThem() throws Exception {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.kill();
        }
    }

    @Test
    @Order(1)
    void everyQueuedComparisonIsTrainedOnceAndBothReplicasTrain() throws Exception {
        long started = System.nanoTime();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add((i % 2 == 0 ? a : bClient).submit(COMPARISON.formatted(30, 100 + i)));
        }
        for (long id : ids) {
            JsonNode view = a.viewUntil(id, done(), Duration.ofSeconds(120));
            assertThat(view.get("status").asString()).as("comparison %d", id).isEqualTo("finished");
            for (JsonNode lane : view.get("lanes")) {
                assertThat(lane.get("metrics").size()).as("one point per evaluation, stored once").isEqualTo(4);
            }
        }
        Map<String, Long> trainedBy = database.sql("select claimed_by from comparison where id in (:ids)")
                .param("ids", ids).query(String.class).list().stream()
                .collect(Collectors.groupingBy(name -> name, Collectors.counting()));
        System.out.printf("6 comparisons of 30 steps trained in %.1f s: %s%n", (System.nanoTime() - started) / 1e9,
                trainedBy);
        assertThat(trainedBy).as("each replica trained some, under names of their own").hasSize(2)
                .containsKey(bName);
        assertThat(trainedBy.keySet()).as("both names start from the one host name")
                .allSatisfy(name -> assertThat(name.substring(0, name.lastIndexOf('-')))
                        .isEqualTo(bName.substring(0, bName.lastIndexOf('-'))));
    }

    @Test
    @Order(2)
    void anOperatorSeesHealthQueueTrainingAndLatencyOnTheManagementPortOnly() throws Exception {
        String management = "http://localhost:" + b.getEnvironment().getProperty("local.management.port");
        HttpResponse<String> readiness = get(management + "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(readiness.body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("trainers").get("details").get("instance").asString())
                .isEqualTo(bName);
        assertThat(get(management + "/actuator/health/liveness").statusCode()).isEqualTo(200);

        String metrics = get(management + "/actuator/prometheus").body();
        assertThat(value(metrics, "losslens_runs{status=\"finished\"}")).as("the first test's six").isGreaterThanOrEqualTo(6);
        assertThat(value(metrics, "losslens_training_lane_steps_total")).as("B trained some of them").isPositive();
        assertThat(value(metrics, "losslens_training_tokens_total")).isPositive();
        assertThat(value(metrics, "losslens_queue_wait_seconds_count")).isPositive();
        assertThat(metrics).contains("losslens_queue_depth", "losslens_training_stack_lanes",
                "losslens_streams_open{kind=\"runs\"}", "http_server_requests_seconds_count");

        assertThat(get(bClient.base() + "/actuator/prometheus").statusCode()).as("not on the app's port")
                .isEqualTo(404);
    }

    /** A sample's value in Prometheus's text format. */
    private static double value(String metrics, String sample) {
        return metrics.lines().filter(line -> line.startsWith(sample + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(sample.length() + 1)))
                .orElseThrow(() -> new AssertionError("no sample " + sample));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(3)
    void aStreamOnOneReplicaFollowsARunTrainedOnTheOther() throws Exception {
        long id = bClient.submit(COMPARISON.formatted(60, 200));
        ChildApp other = otherThanTrainerOf(id);
        List<String> events = new ArrayList<>();
        HttpResponse<Stream<String>> stream = HTTP.send(HttpRequest.newBuilder(
                URI.create(other.base() + "/api/comparisons/" + id + "/events")).build(),
                HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = stream.body()) {
            for (Iterator<String> line = lines.iterator(); line.hasNext(); ) {
                String next = line.next();
                events.add(next);
                if (next.startsWith("event:done")) {
                    events.add(line.next());
                    break;
                }
            }
        }
        assertThat(events).as("points arrived through the other replica").anyMatch(line -> line.equals("event:point"));
        assertThat(events.get(events.size() - 1)).contains("\"status\":\"finished\"");
    }

    @Test
    @Order(4)
    void aCancelThroughOneReplicaStopsARunOnTheOther() throws Exception {
        HttpResponse<String> submitted = post(a.base(), "/api/comparisons", Map.of(),
                COMPARISON.formatted(1000, 300));
        JsonNode answer = JSON.readTree(submitted.body());
        long id = answer.get("id").asLong();
        ChildApp other = otherThanTrainerOf(id);

        long asked = System.nanoTime();
        assertThat(post(other.base(), "/api/comparisons/" + id + "/cancel",
                Map.of("X-Owner-Token", answer.get("ownerToken").asString()), "").statusCode()).isEqualTo(202);
        JsonNode view = a.viewUntil(id, done(), Duration.ofSeconds(30));
        System.out.printf("cancelled through the other replica: stopped %.1f s after the request%n",
                (System.nanoTime() - asked) / 1e9);
        assertThat(view.get("status").asString()).isEqualTo("cancelled");
        assertThat(view.get("stepsDone").asInt()).isLessThan(1000);
    }

    @Test
    @Order(5)
    void aReplicaStoppedMidRunInterruptsItsOwnRunsBeforeItsDatabasePoolCloses() throws Exception {
        long id = bClient.submit(COMPARISON.formatted(1000, 350));
        assertThat(trainer(id)).as("replica B took its own submission").isEqualTo(bName);
        bClient.viewUntil(id, view -> view.get("stepsDone").asInt() >= 10, Duration.ofSeconds(30));

        long stopping = System.nanoTime();
        b.close();
        System.out.printf("replica B stopped in %.1f s%n", (System.nanoTime() - stopping) / 1e9);
        JsonNode view = a.view(id);
        assertThat(view.get("status").asString()).as("at once, not after the heartbeat goes stale")
                .isEqualTo("interrupted");
        assertThat(view.get("lanes").get(0).get("metrics").size()).as("its measured points are kept").isGreaterThan(1);
        startB();
    }

    @Test
    @Order(6)
    void killingOneReplicaMidRunInterruptsItsRunsOnceStaleWhileTheOtherTrains() throws Exception {
        long onA = -1;
        for (int seed = 400; onA < 0 && seed < 410; seed++) {
            long id = a.submit(COMPARISON.formatted(1000, seed));
            if (!trainer(id).equals(bName)) {
                onA = id;
            }
        }
        assertThat(onA).as("replica A took one of its own submissions").isPositive();
        a.viewUntil(onA, view -> view.get("stepsDone").asInt() >= 10, Duration.ofSeconds(30));

        a.kill();
        long killed = System.nanoTime();
        assertThat(bClient.view(onA).get("status").asString()).as("A's run right after the kill").isEqualTo("running");
        long afterwards = bClient.submit(COMPARISON.formatted(30, 500));
        JsonNode orphan = bClient.viewUntil(onA, done(), Duration.ofSeconds(STALE_AFTER_SECONDS + 30));
        System.out.printf("A's run marked %s %.1f s after the kill (stale after %d s)%n",
                orphan.get("status").asString(), (System.nanoTime() - killed) / 1e9, STALE_AFTER_SECONDS);
        assertThat(orphan.get("status").asString()).isEqualTo("interrupted");
        assertThat(orphan.get("lanes").get(0).get("metrics").size()).as("its measured points are kept")
                .isGreaterThan(1);
        assertThat(bClient.viewUntil(afterwards, done(), Duration.ofSeconds(60)).get("status").asString())
                .as("B went on training").isEqualTo("finished");
    }

    private static Predicate<JsonNode> done() {
        return view -> !List.of("queued", "running").contains(view.get("status").asString());
    }

    /** The instance that claimed the comparison, once one has. */
    private String trainer(long id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String name = database.sql("select claimed_by from comparison where id = ?").param(id)
                    .query(String.class).optional().orElse(null);
            if (name != null) {
                return name;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("comparison " + id + " was not claimed within 30 s");
    }

    private ChildApp otherThanTrainerOf(long id) throws Exception {
        return trainer(id).equals(bName) ? a : bClient;
    }

    private static HttpResponse<String> post(String base, String path, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
