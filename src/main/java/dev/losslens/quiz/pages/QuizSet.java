package dev.losslens.quiz.pages;

import dev.losslens.quiz.bank.Concept;
import dev.losslens.quiz.bank.QuizBank;
import dev.losslens.quiz.bank.QuizItem;
import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.Rejection;
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

    static QuizSet parse(String set, QuizBank bank) {
        if (set == null || set.isBlank()) {
            throw new InvalidInputException("set", "quiz.set-format");
        }
        List<String> ids = Arrays.stream(set.split(",")).map(String::strip).toList();
        if (ids.size() > MAX_ITEMS) {
            throw new InvalidInputException("set", "quiz.set-size", MAX_ITEMS);
        }
        ids.forEach(id -> bank.item(id).orElseThrow(() -> new InvalidInputException("set", "quiz.set-unknown")));
        return new QuizSet(ids);
    }

    /** One concept's items, in the bank's order. */
    static QuizSet of(Concept concept) {
        return new QuizSet(concept.items().stream().map(QuizItem::id).toList());
    }

    /**
     * A check across the course, Leitner-style: items last answered wrong come first; then, concept by concept, an
     * item never answered, preferring a kind the check does not have yet, so the kinds mix; then the rest, up to
     * {@value #CHECK_SIZE}. Predictions are left out (see {@link #instant}).
     */
    static QuizSet check(QuizBank bank, List<String> missed, Set<String> answered) {
        Set<String> chosen = new LinkedHashSet<>(missed);
        Set<QuizItem.Kind> kinds = new HashSet<>();
        chosen.forEach(id -> bank.item(id).ifPresent(item -> kinds.add(item.kind())));
        for (int round = 0; chosen.size() < CHECK_SIZE && round < MAX_ITEMS; round++) {
            for (Concept concept : bank.concepts()) {
                List<QuizItem> fresh = concept.items().stream().filter(QuizSet::instant)
                        .filter(item -> !answered.contains(item.id()) && !chosen.contains(item.id())).toList();
                if (fresh.isEmpty() || chosen.size() >= CHECK_SIZE) {
                    continue;
                }
                QuizItem pick = fresh.stream().filter(item -> !kinds.contains(item.kind())).findFirst()
                        .orElse(fresh.get(0));
                chosen.add(pick.id());
                kinds.add(pick.kind());
            }
        }
        bank.items().stream().filter(QuizSet::instant).map(QuizItem::id).filter(id -> chosen.size() < CHECK_SIZE)
                .forEach(chosen::add);
        return new QuizSet(chosen.stream().limit(CHECK_SIZE).toList());
    }

    /** A check gives feedback at once, so it leaves out predictions, which wait for a preset's run. */
    private static boolean instant(QuizItem item) {
        return item.kind() != QuizItem.Kind.PREDICT;
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
