package dev.losslens.command;

import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The lecturer of a load run: opens one class session, puts a poll on screen, and now and then locks and resets it so
 * that the class keeps voting.
 */
final class Presenter {

    /** The default deck's first poll ("which lane ends with the lowest response loss?"). */
    static final int POLL_STEP = 4;

    private final HallClient client;
    private final LatencyRecorder control;

    Presenter(HallClient client, LatencyRecorder control) {
        this.client = client;
        this.control = control;
    }

    /** Opens the session (the presenter's key arrives as a cookie) and goes to the poll. */
    Hall.Poll open() throws InterruptedException {
        String code = HallClient.json(client.require(client.post("/api/classes", Map.of()), 201)).path("code")
                .asString();
        JsonNode poll = HallClient.json(client.require(client.post(controlPath(code),
                Map.of("action", "go", "step", POLL_STEP)), 200)).path("poll");
        if (poll.path("options").isEmpty()) {
            throw new IllegalStateException("step " + POLL_STEP + " of the class deck asks no choice question: "
                    + poll);
        }
        return new Hall.Poll(code, poll.path("question").asString(), poll.path("options").size(), 1);
    }

    /** Every {@code round}, until {@code deadline} (by {@link System#nanoTime()}): lock the poll, then reset it. */
    void keepPolling(Hall hall, long deadline, Duration round) throws InterruptedException {
        String path = controlPath(hall.poll().code());
        for (long next = System.nanoTime() + round.toNanos(); next < deadline; next += round.toNanos()) {
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            client.send(control, client.post(path, Map.of("action", "lock")));
            client.send(control, client.post(path, Map.of("action", "reset")));
            hall.nextRound();
        }
    }

    private static String controlPath(String code) {
        return "/api/classes/" + code + "/control";
    }
}
