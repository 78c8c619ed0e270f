package dev.losslens.quiz.authored;

import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.RejectedRequestException;
import dev.losslens.system.rejection.Rejection;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * GIFT text as questions an instructor can keep: read by {@link GiftReader}, then each question checked by the same
 * {@link QuestionRules} as the form's, every problem at its line. Nothing is stored here: an import stores the
 * questions only when there is no problem at all.
 */
@Component
public class GiftImport {

    private final QuestionRules rules;

    GiftImport(QuestionRules rules) {
        this.rules = rules;
    }

    /** The checked questions, in the text's order, and every problem of the others. */
    public record Plan(List<GiftQuestion> questions, List<LineProblem> problems) {

        public boolean clean() {
            return problems.isEmpty();
        }
    }

    /**
     * @throws InvalidInputException when the text is empty, longer than the limit, or holds no question at all
     */
    public Plan plan(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("gift", "empty", new Rejection.Field("gift"));
        }
        int limit = rules.limits().giftChars();
        if (text.length() > limit) {
            throw new InvalidInputException("gift", "too-long", new Rejection.Field("gift"), text.length(), limit);
        }
        GiftReader.Reading reading = GiftReader.read(text);
        List<GiftQuestion> checked = new ArrayList<>();
        List<LineProblem> problems = new ArrayList<>(reading.problems());
        for (GiftQuestion read : reading.questions()) {
            try {
                checked.add(new GiftQuestion(read.line(), rules.check(read.question()), read.optionLines()));
            } catch (RejectedRequestException rejected) {
                rejected.rejections().forEach(rejection -> problems.add(new LineProblem(
                        read.lineOf(rejection.field()), rejection)));
            }
        }
        if (checked.isEmpty() && problems.isEmpty()) {
            throw new InvalidInputException("gift", "gift.no-questions");
        }
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new Plan(List.copyOf(checked), List.copyOf(problems));
    }
}
