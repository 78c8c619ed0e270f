package dev.losslens.lecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.LossLensApplication;
import dev.losslens.system.web.SecretCookie;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A lecture hall served by two app instances on one database: the lecturer opens and steers the session on one,
 * students answer on either, and the lecturer's live count follows, counting each student once. Both replicas run in this JVM on a database of
 * their own (H2 here, PostgreSQL in {@link TwoReplicasPostgresTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoReplicasTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private ConfigurableApplicationContext lecturerSide;
    private ConfigurableApplicationContext studentSide;

    /** The database both replicas share, as command-line arguments. */
    String[] database() {
        return new String[] {"--spring.datasource.url=jdbc:h2:mem:two-replicas;DB_CLOSE_DELAY=-1"};
    }

    @BeforeAll
    void startTwoReplicas() {
        String[] database = database();
        lecturerSide = replica("replica-a", database);
        studentSide = replica("replica-b", database);
    }

    private static ConfigurableApplicationContext replica(String name, String[] database) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--losslens.training.instance-id=" + name));
        arguments.addAll(List.of(database));
        return new SpringApplicationBuilder(LossLensApplication.class).run(arguments.toArray(String[]::new));
    }

    @AfterAll
    void stopThem() {
        studentSide.close();
        lecturerSide.close();
    }

    private static String base(ConfigurableApplicationContext replica) {
        return "http://localhost:" + replica.getEnvironment().getProperty("local.server.port");
    }

    private static HttpResponse<String> post(String base, String path, String cookie, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Origin", base)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStudentOnOneReplicaIsCountedOnTheLecturersReplica() throws Exception {
        String a = base(lecturerSide);
        String b = base(studentSide);
        HttpResponse<String> opened = post(a, "/api/classes", null, "");
        assertThat(opened.statusCode()).isEqualTo(201);
        String code = opened.body().replaceAll("(?s).*\"code\":\"([A-Z0-9]+)\".*", "$1");
        String presenter = opened.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(post(a, "/api/classes/" + code + "/control", presenter, "{\"action\": \"go\", \"step\": 4}")
                .statusCode()).isEqualTo(200);

        HttpRequest stream = HttpRequest.newBuilder(URI.create(a + "/api/classes/" + code + "/events")).GET().build();
        CompletableFuture<Boolean> countShowsOne = HTTP.sendAsync(stream, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> {
                    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                            StandardCharsets.UTF_8))) {
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            if (line.startsWith("data:") && line.contains("\"answered\":1")) {
                                return true;
                            }
                        }
                        return false;
                    } catch (Exception e) {
                        return false;
                    }
                });

        String student = "losslens-participant=" + SecretCookie.generate();
        assertThat(post(b, "/api/classes/" + code + "/votes", student,
                "{\"question\": \"predict-lowest-response\", \"choice\": 1}").statusCode()).isEqualTo(204);
        assertThat(countShowsOne.get(10, TimeUnit.SECONDS)).as("the lecturer's stream on the other replica").isTrue();
        assertThat(post(a, "/api/classes/" + code + "/votes", student,
                "{\"question\": \"predict-lowest-response\", \"choice\": 0}").statusCode())
                .as("the same student changing their answer on the other replica").isEqualTo(204);
        String another = "losslens-participant=" + SecretCookie.generate();
        assertThat(post(a, "/api/classes/" + code + "/votes", another,
                "{\"question\": \"predict-lowest-response\", \"choice\": 1}").statusCode()).isEqualTo(204);

        assertThat(post(b, "/api/classes/" + code + "/control", null, "{\"action\": \"lock\"}").statusCode())
                .as("steering from the student's replica without the key").isEqualTo(403);
        assertThat(post(b, "/api/classes/" + code + "/control", presenter, "{\"action\": \"lock\"}").statusCode())
                .as("the presenter's key works on any replica").isEqualTo(200);
        assertThat(post(a, "/api/classes/" + code + "/votes", student,
                "{\"question\": \"predict-lowest-response\", \"choice\": 1}").statusCode())
                .as("locked on one replica, locked on both").isEqualTo(409);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(b + "/api/classes/" + code)).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).as("each student counted once, whichever replica took their answers")
                .contains("\"state\":\"locked\"", "\"answered\":2");
    }
}
