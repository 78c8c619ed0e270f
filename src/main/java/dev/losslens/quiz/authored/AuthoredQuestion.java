package dev.losslens.quiz.authored;

import dev.losslens.quiz.bank.Concept;
import dev.losslens.quiz.bank.QuizItem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Optional;

/**
 * A stored question of an instructor's.
 *
 * @param id its number, in the instructor's pages and the API
 * @param item the id learners answer it under in the quiz ({@code /api/quiz/items/{item}})
 * @param author the instructor who wrote or imported it; they and administrators may change it
 */
public record AuthoredQuestion(@Schema(example = "12") long id, @Schema(example = "instructors.12") String item,
                               @Schema(example = "jo") String author, Question question, Instant created,
                               Instant updated) {

    static final String ITEM_PREFIX = Concept.INSTRUCTORS + ".";

    AuthoredQuestion(long id, String author, Question question, Instant created, Instant updated) {
        this(id, itemId(id), author, question, created, updated);
    }

    public static String itemId(long id) {
        return ITEM_PREFIX + id;
    }

    /** The question's number, if the item id is an instructor's question's. */
    static Optional<Long> idOf(String itemId) {
        if (itemId == null || !itemId.startsWith(ITEM_PREFIX) || itemId.length() > ITEM_PREFIX.length() + 18) {
            return Optional.empty();
        }
        String digits = itemId.substring(ITEM_PREFIX.length());
        return digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9') ? Optional.empty()
                : Optional.of(Long.parseLong(digits));
    }

    /** The question as the quiz asks it. */
    public QuizItem quizItem() {
        return question.item(item, Concept.INSTRUCTORS);
    }

    public boolean ownedBy(String name) {
        return author.equals(name);
    }
}
