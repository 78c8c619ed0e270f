package dev.losslens.quiz.authored;

import dev.losslens.model.ModelConfig;
import dev.losslens.notation.Keyed;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.system.rejection.FormErrors;
import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.Rejection;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.TokenizedExample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What makes an instructor's question one the quiz can ask: the fields its kind needs, each within its limit, text
 * that is text (no control characters, no broken surrogates), numbers that are finite, choices with the right number
 * of right options and a mark-the-targets pair that fits the model. Every fault is reported at once, each naming its
 * field as the API spells it ({@code options[2].text}).
 */
@Component
public class QuestionRules {

    private final QuestionLimits limits;
    private final InstructionTemplate template;

    public QuestionRules(QuestionLimits limits, InstructionTemplate template) {
        this.limits = limits;
        this.template = template;
    }

    public QuestionLimits limits() {
        return limits;
    }

    /**
     * The question as it is stored: text stripped (line breaks as {@code \n}), blanks as null, and the fields its kind
     * does not use cleared.
     *
     * @throws dev.losslens.system.rejection.RejectedRequestException naming every field that is wrong
     */
    public Question check(Question raw) {
        FormErrors errors = new FormErrors();
        QuestionKind kind = errors.attempt(() -> kind(raw.kind()));
        String title = errors.attempt(() -> oneLine("title", raw.title(), limits.titleChars()));
        String feedback = errors.attempt(() -> optional("feedback", raw.feedback(), limits.feedbackChars()));
        if (kind == null) {
            errors.throwIfAny();
        }
        String text = kind.hasText() ? errors.attempt(() -> required("text", raw.text(), limits.textChars())) : null;
        Question checked = switch (kind) {
            case CHOICE, MULTIPLE -> new Question(kind.key(), title, text, options(kind, raw.options(), errors), null,
                    null, null, null, null, null, null, null, null, feedback);
            case TRUE_FALSE -> new Question(kind.key(), title, text, null, errors.attempt(() -> present("truth",
                    raw.truth())), null, null, null, null, null, null,
                    errors.attempt(() -> optional("ifTrue", raw.ifTrue(), limits.feedbackChars())),
                    errors.attempt(() -> optional("ifFalse", raw.ifFalse(), limits.feedbackChars())), feedback);
            case NUMERIC -> new Question(kind.key(), title, text, null, null,
                    errors.attempt(() -> answer(raw.answer())), errors.attempt(() -> tolerance(raw.tolerance())),
                    null, null, null, null, null, null, feedback);
            case MARK_TARGETS -> markTargets(raw, title, feedback, errors);
        };
        errors.throwIfAny();
        return checked;
    }

    private static QuestionKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw new InvalidInputException("kind", "missing", new Rejection.Field("kind"));
        }
        return Keyed.parse(QuestionKind.class, kind.strip()).orElseThrow(() -> new InvalidInputException("kind",
                "one-of", new Rejection.Field("kind"), List.of(Keyed.choices(QuestionKind.class))));
    }

    private List<QuestionOption> options(QuestionKind kind, List<QuestionOption> given, FormErrors errors) {
        List<QuestionOption> raw = given == null ? List.of() : given.stream()
                .map(option -> option == null ? new QuestionOption(null, null, null) : option).toList();
        if (raw.size() < 2 || raw.size() > limits.options()) {
            errors.attempt(() -> {
                throw new InvalidInputException("options", "questions.option-count", 2, limits.options(), raw.size());
            });
            if (raw.size() > limits.options()) {
                return null;
            }
        }
        List<QuestionOption> options = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String at = "options[" + i + "]";
            QuestionOption option = raw.get(i);
            String text = errors.attempt(() -> required(at + ".text", option.text(), limits.optionChars()));
            String feedback = errors.attempt(() -> optional(at + ".feedback", option.feedback(),
                    limits.feedbackChars()));
            if (text != null) {
                Integer first = seen.putIfAbsent(text, i);
                if (first != null) {
                    int repeated = first;
                    errors.attempt(() -> {
                        throw new InvalidInputException(at + ".text", "questions.option-repeats",
                                new Rejection.Field(at + ".text"),
                                new Rejection.Field("options[" + repeated + "].text"));
                    });
                }
            }
            options.add(new QuestionOption(text, Boolean.TRUE.equals(option.correct()), feedback));
        }
        long right = options.stream().filter(QuestionOption::correct).count();
        if (raw.size() >= 2 && kind == QuestionKind.CHOICE && right != 1) {
            errors.attempt(() -> {
                throw new InvalidInputException("options", "questions.one-right", right);
            });
        }
        if (raw.size() >= 2 && kind == QuestionKind.MULTIPLE && right < 1) {
            errors.attempt(() -> {
                throw new InvalidInputException("options", "questions.some-right");
            });
        }
        return List.copyOf(options);
    }

    private static Double answer(Double answer) {
        present("answer", answer);
        return finite("answer", answer, -QuestionLimits.LARGEST_NUMBER);
    }

    private static Double tolerance(Double tolerance) {
        if (tolerance == null) {
            return 0.0;
        }
        if (!Double.isNaN(tolerance) && tolerance < 0) {
            throw new InvalidInputException("tolerance", "questions.tolerance", new Rejection.Field("tolerance"),
                    QuestionLimits.LARGEST_NUMBER);
        }
        return finite("tolerance", tolerance, 0);
    }

    private static Double finite(String field, double value, double least) {
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(field, "finite", new Rejection.Field(field));
        }
        if (value < least || value > QuestionLimits.LARGEST_NUMBER) {
            throw new InvalidInputException(field, "number-range", new Rejection.Field(field), least,
                    QuestionLimits.LARGEST_NUMBER);
        }
        // −0 reads back as 0 and is written so
        return value == 0 ? 0.0 : value;
    }

    private Question markTargets(Question raw, String title, String feedback, FormErrors errors) {
        ObjectiveKind objective = errors.attempt(() -> objective(raw.objective()));
        Double lambda = objective == ObjectiveKind.WEIGHTED ? errors.attempt(() -> lambda(raw.lambda())) : null;
        String prompt = errors.attempt(() -> required("prompt", raw.prompt(), limits.promptChars()));
        String response = errors.attempt(() -> required("response", raw.response(), limits.responseChars()));
        if (prompt != null && response != null) {
            errors.attempt(() -> fits(template.render(prompt, response)));
        }
        return new Question(QuestionKind.MARK_TARGETS.key(), title, null, null, null, null, null,
                objective == null ? null : objective.key(), lambda, prompt, response, null, null, feedback);
    }

    private static ObjectiveKind objective(String objective) {
        if (objective == null || objective.isBlank()) {
            throw new InvalidInputException("objective", "missing", new Rejection.Field("objective"));
        }
        return Keyed.parse(ObjectiveKind.class, objective.strip()).orElseThrow(() -> new InvalidInputException(
                "objective", "one-of", new Rejection.Field("objective"), List.of(Keyed.choices(ObjectiveKind.class))));
    }

    private static Double lambda(Double lambda) {
        present("lambda", lambda);
        if (!(lambda > 0 && lambda <= 1)) {
            throw new InvalidInputException("lambda", "questions.lambda", new Rejection.Field("lambda"));
        }
        return lambda;
    }

    private static Void fits(TokenizedExample example) {
        if (example.length() > ModelConfig.CONTEXT) {
            int promptTokens = example.promptLength();
            String field = promptTokens + 2 > ModelConfig.CONTEXT ? "prompt" : "response";
            throw new InvalidInputException(field, "explorer.context", example.length(), promptTokens,
                    example.length() - promptTokens, ModelConfig.CONTEXT);
        }
        return null;
    }

    private static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "missing", new Rejection.Field(field));
        }
        return value;
    }

    private static String required(String field, String value, int maxChars) {
        String text = optional(field, value, maxChars);
        if (text == null) {
            throw new InvalidInputException(field, "empty", new Rejection.Field(field));
        }
        return text;
    }

    private static String oneLine(String field, String value, int maxChars) {
        String text = optional(field, value, maxChars);
        if (text != null && text.indexOf('\n') >= 0) {
            throw new InvalidInputException(field, "questions.one-line", new Rejection.Field(field));
        }
        return text;
    }

    /** The text stripped, with {@code \n} line breaks, or null when blank. */
    static String optional(String field, String value, int maxChars) {
        if (value == null) {
            return null;
        }
        String text = value.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.isEmpty()) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw new InvalidInputException(field, "questions.control", new Rejection.Field(field), (int) c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(field, "questions.broken-text", new Rejection.Field(field));
            }
        }
        if (text.length() > maxChars) {
            throw new InvalidInputException(field, "too-long", new Rejection.Field(field), text.length(), maxChars);
        }
        return text;
    }
}
