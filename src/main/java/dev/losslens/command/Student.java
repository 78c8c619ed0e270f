package dev.losslens.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * One student of the hall, on a thread of their own until the deadline: thinks for half a second to two seconds, then
 * reads a pair in the explorer, watches a run, answers a quiz item, votes in the class poll (once a round), or submits
 * their one comparison and watches it train.
 */
final class Student implements Runnable {

    /** How often each is picked, among those the student can do now. */
    private enum Action {
        EXPLORE(25), WATCH(25), QUIZ(20), VOTE(50), SUBMIT(10);

        private final int weight;

        Action(int weight) {
            this.weight = weight;
        }
    }

    private final HallClient client;
    private final Hall hall;
    private final Map<Endpoint, LatencyRecorder> recorders;
    private final long deadline;
    private final long ownSeed;
    private final SplittableRandom random;
    private boolean submitted;
    private Long ownRun;
    private int votedRound;

    /**
     * @param deadline by {@link System#nanoTime()}
     * @param seed the load run's: with the student's number, it seeds their think times and their comparison
     */
    Student(int number, HallClient client, Hall hall, Map<Endpoint, LatencyRecorder> recorders, long deadline,
            long seed) {
        this.client = client;
        this.hall = hall;
        this.recorders = recorders;
        this.deadline = deadline;
        this.ownSeed = seed * 1_000_000 + number;
        this.random = new SplittableRandom(ownSeed);
    }

    /** The address the hall's proxy reports for student {@code number}: 10.0.0.1, 10.0.0.2, … */
    static String address(int number) {
        int host = number + 1;
        return "10." + (host >> 16 & 255) + "." + (host >> 8 & 255) + "." + (host & 255);
    }

    @Override
    public void run() {
        try {
            while (true) {
                Thread.sleep(random.nextInt(500, 2001));
                if (remaining().isNegative()) {
                    return;
                }
                switch (pick()) {
                    case EXPLORE -> explore();
                    case WATCH -> watch(ownRun != null && random.nextBoolean() ? Optional.of(ownRun)
                            : hall.run(random));
                    case QUIZ -> answerQuiz();
                    case VOTE -> vote();
                    case SUBMIT -> submit();
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private Action pick() {
        List<Action> open = new ArrayList<>(List.of(Action.EXPLORE, Action.WATCH, Action.QUIZ));
        if (!submitted) {
            open.add(Action.SUBMIT);
        }
        if (hall.poll().round() > votedRound) {
            open.add(Action.VOTE);
        }
        int roll = random.nextInt(open.stream().mapToInt(action -> action.weight).sum());
        for (Action action : open) {
            roll -= action.weight;
            if (roll < 0) {
                return action;
            }
        }
        throw new IllegalStateException("weights");
    }

    private void explore() throws InterruptedException {
        Hall.Pair pair = hall.pair(random);
        client.send(recorders.get(Endpoint.EXPLORER), client.post("/api/breakdown", Map.of("prompt", pair.prompt(),
                "response", pair.response(), "promptWeight", random.nextInt(11) / 10.0, "checkpoint", "base")));
    }

    /** The run's page, then its live chart's stream for a few seconds, as a browser tab would. */
    private void watch(Optional<Long> run) throws InterruptedException {
        if (run.isEmpty()) {
            return;
        }
        client.send(recorders.get(Endpoint.RUN_PAGE), client.get("/runs/" + run.get()));
        Duration watch = Duration.ofMillis(random.nextInt(2000, 5001));
        Duration left = remaining();
        if (!left.isNegative()) {
            client.watch(recorders.get(Endpoint.RUN_STREAM), "/api/comparisons/" + run.get() + "/events",
                    watch.compareTo(left) < 0 ? watch : left);
        }
    }

    private void answerQuiz() throws InterruptedException {
        Hall.QuizItem item = hall.quizItem(random);
        Map<String, Object> answer = switch (item.kind()) {
            case "true-false" -> Map.of("truth", random.nextBoolean(), "reason", random.nextInt(item.options()));
            case "multiple" -> {
                int surely = random.nextInt(item.options());
                yield Map.of("choices", IntStream.range(0, item.options())
                        .filter(option -> option == surely || random.nextBoolean()).boxed().toList());
            }
            default -> Map.of("choices", List.of(random.nextInt(item.options())));
        };
        client.send(recorders.get(Endpoint.QUIZ_ANSWER), client.post("/api/quiz/items/" + item.id() + "/answers",
                answer));
    }

    private void vote() throws InterruptedException {
        Hall.Poll poll = hall.poll();
        votedRound = poll.round();
        client.send(recorders.get(Endpoint.POLL_VOTE), client.post("/api/classes/" + poll.code() + "/votes",
                Map.of("question", poll.question(), "choice", random.nextInt(poll.options()))));
    }

    /**
     * A small comparison of the student's own: its seed differs from every other student's, so each trains rather
     * than joining another's; a second load run with the same seed on the same database replays them instead.
     */
    private void submit() throws InterruptedException {
        submitted = true;
        Map<String, Object> request = Map.of("dataset", "capitals", "model", "tiny", "steps", 20, "evalEvery", 10,
                "seed", ownSeed, "lanes", List.of(Map.of("objective", "pretraining", "init", "base"),
                        Map.of("objective", "instruction", "init", "base")));
        Optional<Long> run = client.send(recorders.get(Endpoint.SUBMISSION), client.post("/api/comparisons", request))
                .filter(response -> response.statusCode() == 202)
                .map(response -> HallClient.json(response).path("id").asLong());
        run.ifPresent(hall::addRun);
        ownRun = run.orElse(null);
        watch(run);
    }

    private Duration remaining() {
        return Duration.ofNanos(deadline - System.nanoTime());
    }
}
