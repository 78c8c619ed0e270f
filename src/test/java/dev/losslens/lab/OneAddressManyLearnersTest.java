package dev.losslens.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.comparison.OwnerSecret;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A lab session behind one NAT: sixty students on one address, each with their own browser cookie, each queue a
 * comparison and watch it live, all training at once; the limits are theirs, not the address's. A client address is believed from
 * X-Forwarded-For only when the request comes from a configured proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"losslens.training.max-queued=100", "losslens.training.max-queued-per-address=63",
                "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1"})
class OneAddressManyLearnersTest {

    private static final int STUDENTS = 60;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private HttpRequest.Builder request(String path, OwnerSecret student) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", OwnerCookie.NAME + "=" + student.value());
    }

    private HttpResponse<String> submit(OwnerSecret student, long seed) throws Exception {
        String body = """
                {"dataset": "capitals", "steps": 300, "seed": %d,
                 "lanes": [{"objective": "pretraining"}, {"objective": "instruction"}]}""".formatted(seed);
        return HTTP.send(request("/api/comparisons", student).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the run's event stream and answers whether its first event arrived. */
    private CompletableFuture<Boolean> watch(OwnerSecret student, long id) {
        return HTTP.sendAsync(request("/api/comparisons/" + id + "/events", student).build(),
                HttpResponse.BodyHandlers.ofInputStream()).thenApply(response -> {
                    if (response.statusCode() != 200) {
                        return false;
                    }
                    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                            StandardCharsets.UTF_8))) {
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            if (line.startsWith("event:")) {
                                return true;
                            }
                        }
                        return false;
                    } catch (Exception e) {
                        return false;
                    }
                });
    }

    @Test
    void sixtyStudentsBehindOneAddressEachQueueAndWatchTheirOwnRun() throws Exception {
        long seeds = 50_000 + System.nanoTime() % 10_000;
        List<OwnerSecret> students = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> submissions = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < STUDENTS; i++) {
            OwnerSecret student = OwnerSecret.generate();
            students.add(student);
            long seed = seeds + i;
            submissions.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return submit(student, seed);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        List<Long> runs = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> submission : submissions) {
            HttpResponse<String> answer = submission.get(60, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            runs.add(JSON.readTree(answer.body()).get("id").asLong());
        }
        try {
            List<CompletableFuture<Boolean>> streams = new ArrayList<>();
            for (int i = 0; i < STUDENTS; i++) {
                streams.add(watch(students.get(i), runs.get(i)));
            }
            for (CompletableFuture<Boolean> stream : streams) {
                assertThat(stream.get(30, TimeUnit.SECONDS)).as("every student sees their own run live").isTrue();
            }
            // the class trains together: every run is in a stack and has its step-0 point, none waits for another
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int measured = 0;
            while (measured < STUDENTS && System.nanoTime() < deadline) {
                Thread.sleep(200);
                measured = jdbc.sql("select count(distinct comparison_id) from metric_point where comparison_id in (:runs)")
                        .param("runs", runs).query(Integer.class).single();
            }
            assertThat(measured).as("runs training with their first point").isEqualTo(STUDENTS);

            OwnerSecret first = students.get(0);
            for (long seed : new long[] {seeds + 1000, seeds + 1001}) {
                HttpResponse<String> another = submit(first, seed);
                assertThat(another.statusCode()).as("more runs of one student").isEqualTo(202);
                students.add(first);
                runs.add(JSON.readTree(another.body()).get("id").asLong());
            }
            HttpResponse<String> fourth = submit(first, seeds + 1002);
            assertThat(fourth.statusCode()).as("the person's own allowance").isEqualTo(429);
            assertThat(fourth.body()).contains("You already have 3 comparisons");

            OwnerSecret late = OwnerSecret.generate();
            students.add(late);
            runs.add(JSON.readTree(submit(late, seeds + 2000).body()).get("id").asLong());
            HttpResponse<String> overCeiling = submit(OwnerSecret.generate(), seeds + 2001);
            assertThat(overCeiling.statusCode()).as("the 64th run of one address").isEqualTo(429);
            assertThat(overCeiling.body()).contains("Your network already has 63 comparisons");
        } finally {
            for (int i = 0; i < runs.size(); i++) {
                HTTP.send(request("/api/comparisons/" + runs.get(i) + "/cancel", students.get(i))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    @Test
    void aForwardedAddressIsBelievedOnlyFromTheConfiguredProxy() throws Exception {
        HttpResponse<String> viaProxy = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/classes")).header("X-Forwarded-For", "198.51.100.23").POST(HttpRequest.BodyPublishers
                .noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(viaProxy.statusCode()).isEqualTo(201);
        String code = JSON.readTree(viaProxy.body()).get("code").asString();
        assertThat(jdbc.sql("select opened_by from class_session where code = ?").param(code).query(String.class)
                .single()).as("this test's proxy is 127.0.0.1").isEqualTo("198.51.100.23");
    }
}
