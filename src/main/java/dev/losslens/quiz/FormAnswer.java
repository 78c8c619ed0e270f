package dev.losslens.quiz;

import dev.losslens.system.InvalidInputException;
import java.util.List;
import org.springframework.util.MultiValueMap;

/** An answer as the quiz page's plain HTML form sends it. */
final class FormAnswer {

    private FormAnswer() {
    }

    static Answer read(MultiValueMap<String, String> form, int variant) {
        return new Answer(numbers(form.get("choice"), "choices"), truth(form.getFirst("truth")),
                form.getFirst("reason") == null ? null : QuizController.parse(form.getFirst("reason"), "reason", Integer::valueOf),
                numbers(form.get("position"), "positions"),
                form.getFirst("value") == null ? null : QuizController.parse(form.getFirst("value"), "value", Double::valueOf),
                variant);
    }

    private static List<Integer> numbers(List<String> values, String field) {
        return values == null ? List.of() : values.stream().map(v -> QuizController.parse(v, field, Integer::valueOf)).toList();
    }

    private static Boolean truth(String value) {
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidInputException("truth", "truth must be true or false");
        }
        return Boolean.valueOf(value);
    }
}
