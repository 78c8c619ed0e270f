package dev.losslens.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/**
 * What the students of a load run share, read from the app before they start: the explorer's bundled pairs, the quiz
 * items they can answer, the runs there are to watch (theirs join as they submit) and the class poll on screen.
 */
final class Hall {

    private static final String DATASET = "capitals";
    /** The kinds answered by picking options; the others need the item's tokens or a finished run. */
    private static final Set<String> PICKED = Set.of("choice", "multiple", "true-false");

    record Pair(String prompt, String response) {
    }

    /** @param options the choices, or for a true-false item the reasons */
    record QuizItem(String id, String kind, int options) {
    }

    /** The poll on screen; the presenter starts a new {@code round} each time it resets it. */
    record Poll(String code, String question, int options, int round) {

        Poll next() {
            return new Poll(code, question, options, round + 1);
        }
    }

    private final List<Pair> pairs;
    private final List<QuizItem> quizItems;
    private final List<Long> runs;
    private volatile Poll poll;

    private Hall(List<Pair> pairs, List<QuizItem> quizItems, List<Long> runs, Poll poll) {
        this.pairs = pairs;
        this.quizItems = quizItems;
        // only ever grows, so an index below a size once read stays valid
        this.runs = new CopyOnWriteArrayList<>(runs);
        this.poll = poll;
    }

    /** Reads what the students will use through the presenter's client, once the class poll is open. */
    static Hall prepare(HallClient client, Poll poll) throws InterruptedException {
        List<Pair> pairs = new ArrayList<>();
        for (JsonNode pair : HallClient.json(client.require(client.get("/api/datasets/" + DATASET
                + "/pairs?split=heldout"), 200))) {
            pairs.add(new Pair(pair.path("prompt").asString(), pair.path("response").asString()));
        }
        List<QuizItem> items = new ArrayList<>();
        for (JsonNode concept : HallClient.json(client.require(client.get("/api/quiz/concepts"), 200))) {
            for (JsonNode id : concept.path("items")) {
                JsonNode item = HallClient.json(client.require(client.get("/api/quiz/items/" + id.asString()), 200));
                if (PICKED.contains(item.path("kind").asString())) {
                    items.add(new QuizItem(id.asString(), item.path("kind").asString(), item.path("options").size()));
                }
            }
        }
        List<Long> runs = new ArrayList<>();
        for (JsonNode run : HallClient.json(client.require(client.get("/api/comparisons?size=50"), 200))
                .path("comparisons")) {
            runs.add(run.path("id").asLong());
        }
        if (pairs.isEmpty() || items.isEmpty()) {
            throw new IllegalStateException("the app offers no "
                    + (pairs.isEmpty() ? DATASET + " pairs" : "quiz items"));
        }
        return new Hall(List.copyOf(pairs), List.copyOf(items), runs, poll);
    }

    Pair pair(SplittableRandom random) {
        return pairs.get(random.nextInt(pairs.size()));
    }

    QuizItem quizItem(SplittableRandom random) {
        return quizItems.get(random.nextInt(quizItems.size()));
    }

    Optional<Long> run(SplittableRandom random) {
        int known = runs.size();
        return known == 0 ? Optional.empty() : Optional.of(runs.get(random.nextInt(known)));
    }

    void addRun(long id) {
        runs.add(id);
    }

    Poll poll() {
        return poll;
    }

    void nextRound() {
        poll = poll.next();
    }
}
