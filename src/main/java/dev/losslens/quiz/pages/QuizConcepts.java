package dev.losslens.quiz.pages;

import dev.losslens.quiz.authored.AuthoredQuestions;
import dev.losslens.quiz.bank.Concept;
import dev.losslens.quiz.bank.QuizBank;
import dev.losslens.system.rejection.NotFoundException;
import dev.losslens.system.words.Wording;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a learner can be quizzed on: the bank's concepts, then the questions instructors wrote, as one more concept
 * ("From your instructors") while there are any. Instructors' questions are read from the database on every request,
 * so every replica offers the same ones; only their ids and kinds are read to choose a sitting.
 */
@Component
class QuizConcepts {

    private final QuizBank bank;
    private final AuthoredQuestions authored;
    private final Wording words;

    QuizConcepts(QuizBank bank, AuthoredQuestions authored, Wording words) {
        this.bank = bank;
        this.authored = authored;
        this.words = words;
    }

    /** The instructors' questions as a concept of the course, after the bank's, without its items. */
    Concept instructors() {
        return new Concept(Concept.INSTRUCTORS, bank.concepts().size() + 1, words.page("quiz.instructors.title"),
                List.of(words.page("quiz.instructors.explanation")), null, null, List.of());
    }

    /** A concept by id, the instructors' included. */
    Concept concept(String id) {
        if (Concept.INSTRUCTORS.equals(id)) {
            return instructors();
        }
        return bank.concept(id).orElseThrow(() -> new NotFoundException("concept", "quiz.unknown-concept", id));
    }

    int instructorQuestions() {
        return authored.count();
    }

    /** The instructors' questions' ids, oldest first. */
    List<String> instructorItems() {
        return authored.listing().stream().map(AuthoredQuestions.Listed::item).toList();
    }

    /** Every concept's items by id and kind, the instructors' last if there are any: what a check chooses from. */
    List<List<QuizSet.Entry>> pools() {
        List<List<QuizSet.Entry>> pools = new ArrayList<>();
        bank.concepts().forEach(concept -> pools.add(concept.items().stream()
                .map(item -> new QuizSet.Entry(item.id(), item.kind())).toList()));
        List<QuizSet.Entry> instructors = authored.listing().stream()
                .map(listed -> new QuizSet.Entry(listed.item(), listed.kind())).toList();
        if (!instructors.isEmpty()) {
            pools.add(instructors);
        }
        return pools;
    }

    /** Of these item ids, the ones that exist now: an instructor may have deleted a question since it was asked. */
    Set<String> known(List<String> ids) {
        Set<String> known = new HashSet<>();
        List<String> rest = new ArrayList<>();
        ids.forEach(id -> {
            if (bank.item(id).isPresent()) {
                known.add(id);
            } else {
                rest.add(id);
            }
        });
        known.addAll(authored.existing(rest));
        return known;
    }

    /** The items still there, in the order given. */
    List<String> existing(List<String> ids) {
        Set<String> known = known(ids);
        return ids.stream().filter(known::contains).toList();
    }
}
