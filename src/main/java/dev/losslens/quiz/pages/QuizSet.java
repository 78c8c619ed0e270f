package dev.losslens.quiz.pages;

import dev.losslens.quiz.bank.Concept;
import dev.losslens.quiz.bank.QuizItem;
import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.Rejection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The questions of one sitting, in order, carried in the page address ({@code set=a,b,c}) so that a sitting needs no
 * session: back, reload and a copied link all work.
 */
record QuizSet(List<String> items) {

    static final int CHECK_SIZE = 10;
    static final int MAX_ITEMS = 60;

    /** An item of a concept, by id and kind: what choosing a sitting needs to know of it. */
    record Entry(String id, QuizItem.Kind kind) {
    }

    static QuizSet parse(String set, QuizConcepts concepts) {
        if (set == null || set.isBlank()) {
            throw new InvalidInputException("set", "quiz.set-format");
        }
        List<String> ids = Arrays.stream(set.split(",")).map(String::strip).toList();
        if (ids.size() > MAX_ITEMS) {
            throw new InvalidInputException("set", "quiz.set-size", MAX_ITEMS);
        }
        if (!concepts.known(ids).containsAll(ids)) {
            throw new InvalidInputException("set", "quiz.set-unknown");
        }
        return new QuizSet(ids);
    }

    /** One concept's items, in the bank's order. */
    static QuizSet of(Concept concept) {
        return new QuizSet(concept.items().stream().map(QuizItem::id).toList());
    }

    /**
     * The instructors' questions, at most {@value #MAX_ITEMS}: those last answered wrong first, then those never
     * answered, then the rest, each oldest first.
     */
    static QuizSet instructors(List<String> items, List<String> missed, Set<String> answered) {
        Set<String> chosen = new LinkedHashSet<>();
        Set<String> theirs = new HashSet<>(items);
        missed.stream().filter(theirs::contains).forEach(chosen::add);
        items.stream().filter(id -> !answered.contains(id)).forEach(chosen::add);
        chosen.addAll(items);
        return new QuizSet(chosen.stream().limit(MAX_ITEMS).toList());
    }

    /**
     * A check across the course, Leitner-style: items last answered wrong come first; then, concept by concept, an
     * item never answered, preferring a kind the check does not have yet, so the kinds mix; then the rest, up to
     * {@value #CHECK_SIZE}. Predictions are left out (see {@link #instant}).
     *
     * @param pools each concept's items, the instructors' questions being one more concept
     */
    static QuizSet check(List<List<Entry>> pools, List<String> missed, Set<String> answered) {
        Set<String> chosen = new LinkedHashSet<>(missed);
        Set<QuizItem.Kind> kinds = new HashSet<>();
        List<Entry> every = pools.stream().flatMap(List::stream).toList();
        every.stream().filter(entry -> chosen.contains(entry.id())).forEach(entry -> kinds.add(entry.kind()));
        for (int round = 0; chosen.size() < CHECK_SIZE && round < MAX_ITEMS; round++) {
            for (List<Entry> pool : pools) {
                List<Entry> fresh = pool.stream().filter(QuizSet::instant)
                        .filter(entry -> !answered.contains(entry.id()) && !chosen.contains(entry.id())).toList();
                if (fresh.isEmpty() || chosen.size() >= CHECK_SIZE) {
                    continue;
                }
                Entry pick = fresh.stream().filter(entry -> !kinds.contains(entry.kind())).findFirst()
                        .orElse(fresh.get(0));
                chosen.add(pick.id());
                kinds.add(pick.kind());
            }
        }
        every.stream().filter(QuizSet::instant).map(Entry::id).filter(id -> chosen.size() < CHECK_SIZE)
                .forEach(chosen::add);
        return new QuizSet(new ArrayList<>(chosen).stream().limit(CHECK_SIZE).toList());
    }

    /** A check gives feedback at once, so it leaves out predictions, which wait for a preset's run. */
    private static boolean instant(Entry entry) {
        return entry.kind() != QuizItem.Kind.PREDICT;
    }

    String item(int at) {
        if (at < 0 || at >= items.size()) {
            throw new InvalidInputException("at", "range", new Rejection.Field("at"), 0, items.size() - 1);
        }
        return items.get(at);
    }

    String text() {
        return String.join(",", items);
    }
}
