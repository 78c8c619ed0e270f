package dev.losslens.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.comparison.OwnerSecret;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Event streams cost one reader per watched run, are capped per client, and let go of clients that leave. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"losslens.streams.max-per-client=3", "losslens.streams.heartbeat=200ms"})
class StreamLimitsTest {

    private static final OwnerSecret OWNER = OwnerSecret.generate();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ComparisonStream streams;

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<InputStream> open(long id) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri("/api/comparisons/" + id + "/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    private static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    @Test
    void manyWatchersShareOneReaderAndLeavingReleasesEverything() throws Exception {
        String body = """
                {"steps": 2000, "seed": 777, "lanes": [{"objective": "pretraining"}, {"objective": "instruction"}]}""";
        HttpResponse<String> submitted = HTTP.send(HttpRequest.newBuilder(uri("/api/comparisons"))
                .header("Content-Type", "application/json").header(OwnerCookie.HEADER, OWNER.value())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        long id = JsonMapper.builder().build().readTree(submitted.body()).get("id").asLong();
        try {
            List<InputStream> watching = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                HttpResponse<InputStream> stream = open(id);
                assertThat(stream.statusCode()).isEqualTo(200);
                assertThat(stream.body().read()).as("the stream sends at once").isNotEqualTo(-1);
                watching.add(stream.body());
            }
            assertThat(streams.publishers()).as("one reader for three watchers").isEqualTo(1);

            HttpResponse<InputStream> fourth = open(id);
            assertThat(fourth.statusCode()).isEqualTo(429);
            assertThat(new String(fourth.body().readAllBytes())).contains("\"field\":\"events\"");

            for (InputStream stream : watching) {
                stream.close();
            }
            assertThat(within(Duration.ofSeconds(5), () -> streams.publishers() == 0))
                    .as("the run is no longer read once its watchers left").isTrue();
            HttpResponse<InputStream> again = open(id);
            assertThat(again.statusCode()).as("the client's streams were given back").isEqualTo(200);
            again.body().close();
        } finally {
            HTTP.send(HttpRequest.newBuilder(uri("/api/comparisons/" + id + "/cancel"))
                    .header(OwnerCookie.HEADER, OWNER.value()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }
}
