package dev.losslens.command;

import java.io.IOException;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One device in the hall: its own cookie jar and its own address, which the reverse proxy in front of LossLens would
 * pass on as {@code X-Forwarded-For}. Writes carry the {@code Origin} of the page they would come from.
 */
final class HallClient {

    /** Longer than the explorer's own 10 s wait for the model, so that its "busy" answer is seen, not our timeout. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI base;
    private final String address;

    HallClient(URI base, String address) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .connectTimeout(TIMEOUT).build();
        this.base = base;
        this.address = address;
    }

    HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    /** A write of {@code body} as JSON. */
    HttpRequest.Builder post(String path, Object body) {
        return request(path).header("Origin", origin()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("X-Forwarded-For", address);
    }

    private String origin() {
        return base.getScheme() + "://" + base.getAuthority();
    }

    /** Sends a request and records its outcome; empty when no answer came. */
    Optional<HttpResponse<String>> send(LatencyRecorder recorder, HttpRequest.Builder request)
            throws InterruptedException {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            recorder.answered(response.statusCode(), System.nanoTime() - started);
            return Optional.of(response);
        } catch (IOException failure) {
            recorder.failed(cause(failure));
            return Optional.empty();
        }
    }

    /** A set-up call of the load run, which cannot go on without it. */
    HttpResponse<String> require(HttpRequest.Builder request, int status) throws InterruptedException {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != status) {
                throw new IllegalStateException(built.method() + " " + built.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException failure) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + cause(failure), failure);
        }
    }

    /**
     * Opens an event stream, reads it for {@code watch} (or until the server ends it) and closes it, recording the
     * time to its first event and the events received.
     */
    void watch(LatencyRecorder recorder, String path, Duration watch) throws InterruptedException {
        long started = System.nanoTime();
        EventCounter counter = new EventCounter(started);
        CompletableFuture<Integer> status = new CompletableFuture<>();
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(
                get(path).header("Accept", "text/event-stream").build(), info -> {
                    status.complete(info.statusCode());
                    return info.statusCode() == 200 ? BodySubscribers.fromLineSubscriber(counter)
                            : BodySubscribers.discarding();
                });
        exchange.whenComplete((response, failure) -> {
            if (failure != null) {
                status.completeExceptionally(failure);
            }
        });
        try {
            int answered = status.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (answered != 200) {
                recorder.answered(answered, -1);
                return;
            }
            counter.watch(watch);
            if (counter.broken()) {
                recorder.failed("stream broken");
            } else {
                recorder.streamed(counter.firstEvent(), counter.events());
            }
        } catch (ExecutionException failure) {
            recorder.failed(cause(failure.getCause()));
        } catch (TimeoutException late) {
            recorder.failed("timeout");
        } finally {
            exchange.cancel(true);
        }
    }

    private static String cause(Throwable failure) {
        if (failure instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        return "connection " + failure.getClass().getSimpleName();
    }
}
