package dev.losslens.instructor;

import dev.losslens.notation.Keyed;
import dev.losslens.notation.PlainNumber;
import dev.losslens.quiz.authored.Question;
import dev.losslens.quiz.authored.QuestionKind;
import dev.losslens.quiz.authored.QuestionOption;
import dev.losslens.system.rejection.FormErrors;
import dev.losslens.system.rejection.FormNumbers;
import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.Rejection;
import dev.losslens.system.words.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The question editor as typed: every value kept as text, so a rejected form comes back as the instructor left it.
 * Option rows left empty are not options: the form comes back with the used rows first, in their order, so the
 * rules' {@code options[1]} is the second row shown.
 */
record QuestionForm(String kind, String title, String text, List<OptionRow> options, String truth, String answer,
                    String tolerance, String objective, String lambda, String prompt, String response, String ifTrue,
                    String ifFalse, String feedback) {

    /** Rows the form reads at most, whatever is posted; more than the limit are refused by the rules. */
    static final int MOST_ROWS = 60;
    /** Empty rows offered below the filled ones, and rows shown at least. */
    private static final int SPARE_ROWS = 2;
    private static final int LEAST_ROWS = 4;
    private static final Pattern OPTION_FIELD = Pattern.compile("options\\[(\\d+)]\\.(\\w+)");

    record OptionRow(String text, boolean correct, String feedback) {

        boolean used() {
            return !blank(text) || correct || !blank(feedback);
        }
    }

    static QuestionForm blank(QuestionKind kind) {
        return new QuestionForm(kind.key(), "", "", List.of(), "", "", "", "instruction", "", "", "", "", "", "");
    }

    /** Reads the posted form; only the known fields are looked at. */
    static QuestionForm from(Map<String, String> fields) {
        List<OptionRow> rows = new ArrayList<>();
        for (int i = 0; i < MOST_ROWS; i++) {
            String prefix = "options[" + i + "].";
            if (!fields.containsKey(prefix + "text") && !fields.containsKey(prefix + "feedback")
                    && !fields.containsKey(prefix + "correct")) {
                continue;
            }
            rows.add(new OptionRow(fields.get(prefix + "text"), fields.containsKey(prefix + "correct"),
                    fields.get(prefix + "feedback")));
        }
        return new QuestionForm(fields.get("kind"), fields.get("title"), fields.get("text"), rows, fields.get("truth"),
                fields.get("answer"), fields.get("tolerance"), fields.get("objective"), fields.get("lambda"),
                fields.get("prompt"), fields.get("response"), fields.get("ifTrue"), fields.get("ifFalse"),
                fields.get("feedback"));
    }

    /** A stored question, to edit. */
    static QuestionForm of(Question question) {
        List<OptionRow> rows = question.options() == null ? List.of() : question.options().stream()
                .map(o -> new OptionRow(o.text(), Boolean.TRUE.equals(o.correct()), orBlank(o.feedback()))).toList();
        return new QuestionForm(question.kind(), orBlank(question.title()), orBlank(question.text()), rows,
                question.truth() == null ? "" : question.truth().toString(), number(question.answer()),
                number(question.tolerance()), question.objective() == null ? "instruction" : question.objective(),
                number(question.lambda()), orBlank(question.prompt()), orBlank(question.response()),
                orBlank(question.ifTrue()), orBlank(question.ifFalse()), orBlank(question.feedback()));
    }

    /** The kind, for choosing which controls to show; choice when the form names none it knows. */
    QuestionKind questionKind() {
        return kind == null ? QuestionKind.CHOICE : Keyed.parse(QuestionKind.class, kind.strip())
                .orElse(QuestionKind.CHOICE);
    }

    /** The option rows to show: the filled ones and a few empty ones, within the limit. */
    List<OptionRow> rows(int limit) {
        List<OptionRow> shown = new ArrayList<>(options.stream().filter(OptionRow::used).toList());
        int wanted = Math.min(Math.max(shown.size() + SPARE_ROWS, LEAST_ROWS), Math.max(limit, shown.size()));
        while (shown.size() < wanted) {
            shown.add(new OptionRow("", false, ""));
        }
        return shown;
    }

    /**
     * The question this form asks for. A number or judgement that does not read is recorded in {@code unreadable}
     * and left out, so that the rules can still check the rest.
     */
    Question toQuestion(FormErrors unreadable) {
        List<QuestionOption> used = usedRows().mapToObj(options::get)
                .map(row -> new QuestionOption(row.text(), row.correct(), row.feedback())).toList();
        Boolean judged = unreadable.attempt(() -> truth(truth));
        return new Question(kind, title, text, used, judged,
                unreadable.attempt(() -> FormNumbers.decimal("answer", answer)),
                unreadable.attempt(() -> FormNumbers.decimal("tolerance", tolerance)), objective,
                unreadable.attempt(() -> FormNumbers.decimal("lambda", lambda)), prompt, response, ifTrue, ifFalse,
                feedback);
    }

    /** The id of the control an error about {@code field} belongs to. */
    String controlId(String field) {
        Matcher option = OPTION_FIELD.matcher(field);
        if (option.matches()) {
            return "q-option-" + option.group(1) + "-" + option.group(2);
        }
        return "q-" + field.replaceAll("[^A-Za-z0-9]", "");
    }

    /** A rejection as a sentence, fields named by the labels beside their controls and options by their row. */
    static String message(Rejection rejection, Wording wording) {
        String worded = wording.page(rejection, field -> name(field.path(), wording));
        return Character.toUpperCase(worded.charAt(0)) + worded.substring(1);
    }

    private static String name(String path, Wording wording) {
        Matcher option = OPTION_FIELD.matcher(path);
        if (option.matches()) {
            return wording.page("page.questions.field.option." + option.group(2),
                    Integer.parseInt(option.group(1)) + 1);
        }
        return wording.page("page.questions.field." + path);
    }

    private IntStream usedRows() {
        return IntStream.range(0, options.size()).filter(i -> options.get(i).used());
    }

    private static Boolean truth(String value) {
        if (blank(value)) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidInputException("truth", "true-or-false", new Rejection.Field("truth"));
        }
        return Boolean.valueOf(value);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String orBlank(String text) {
        return text == null ? "" : text;
    }

    private static String number(Double value) {
        return value == null ? "" : PlainNumber.of(value);
    }
}
