package dev.losslens.lecture;

import dev.losslens.quiz.grading.ClassQuestions;
import dev.losslens.system.rejection.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** What a class poll asks: a number question of the deck itself, or a question of the quiz bank, and its answer. */
@Component
class PollQuestions {

    private final ClassQuestions bank;
    /** Right options of revealed questions: fixed for the bank's items, and a preset's run is deterministic. */
    private final Map<String, Integer> rights = new ConcurrentHashMap<>();

    PollQuestions(ClassQuestions bank) {
        this.bank = bank;
    }

    PollQuestion question(Deck deck, String id) {
        return deck.numberQuestion(id)
                .map(number -> new PollQuestion(id, number.text(), List.of(), number.min(), number.max(), null))
                .or(() -> bank.find(id).map(item -> new PollQuestion(id, item.text(), item.options(), null, null,
                        item.preset())))
                .orElseThrow(() -> new NotFoundException("question", "class.unknown-question", id));
    }

    /** The right option's index; empty for a number question, or while the run that answers a prediction runs. */
    Optional<Integer> right(String question) {
        Integer known = rights.get(question);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Integer> right = bank.right(question);
        right.ifPresent(value -> rights.put(question, value));
        return right;
    }
}
