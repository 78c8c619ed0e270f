package dev.losslens.quiz.pages;

import dev.losslens.quiz.grading.Answer;
import dev.losslens.system.rejection.FormNumbers;
import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.Rejection;
import java.util.List;
import java.util.Objects;
import org.springframework.util.MultiValueMap;

/** An answer as the quiz page's plain HTML form sends it (the instructor's preview posts the same form). */
public final class FormAnswer {

    private FormAnswer() {
    }

    public static Answer read(MultiValueMap<String, String> form, int variant) {
        return new Answer(numbers(form.get("choice"), "choices"), truth(form.getFirst("truth")),
                FormNumbers.integer("reason", form.getFirst("reason")),
                numbers(form.get("position"), "positions"),
                FormNumbers.decimal("value", form.getFirst("value")),
                variant);
    }

    private static List<Integer> numbers(List<String> values, String field) {
        return values == null ? List.of() : values.stream().map(v -> FormNumbers.integer(field, v)).filter(Objects::nonNull).toList();
    }

    private static Boolean truth(String value) {
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidInputException("truth", "true-or-false", new Rejection.Field("truth"));
        }
        return Boolean.valueOf(value);
    }
}
