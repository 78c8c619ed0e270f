package dev.losslens.quiz.authored;

import dev.losslens.system.rejection.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads Moodle GIFT text: the choice, multiple-answer, true/false and numeric questions, with titles
 * ({@code ::title::}), per-answer feedback ({@code #…}), general feedback ({@code ####…}), comments
 * ({@code //}) and escaped characters ({@code \= \~ \# \{ \} \: \\ \n}). Questions are separated by blank lines. Each bad question is
 * reported once, at the line where the trouble is, and reading goes on with the next; whether a question that reads
 * well is one LossLens can ask is for {@link QuestionRules} to say.
 * <p>
 * Moodle's forms map thus: {@code {=a ~b}} is a single-answer choice; answers weighted {@code ~%50%a ~%-100%b} are
 * a multiple-answer choice whose right options are those of positive weight; {@code {T}}, {@code {TRUE}},
 * {@code {F}}, {@code {FALSE}} take up to two feedbacks ({@code {T#if wrong#if right}}); {@code {#3.5:0.1}},
 * {@code {#3.5}} (exactly) and {@code {#3..4}} (a range) are numeric, a per-answer feedback there joins the general
 * one. Text after the braces is the missing-word form: the blank is written {@code _____}. Short-answer, matching,
 * essay and description questions have no LossLens kind and are reported.
 */
public final class GiftReader {

    static final String BLANK = "_____";
    /** The characters a backslash escapes; n stands for a line break. */
    private static final String ESCAPED = "=~#{}:\\n";
    private static final Set<String> TRUE = Set.of("T", "TRUE");
    private static final Set<String> FALSE = Set.of("F", "FALSE");
    private static final List<String> FORMATS = List.of("[html]", "[moodle]", "[plain]", "[markdown]");

    private GiftReader() {
    }

    /** The questions the text holds and what is wrong with the others. */
    public record Reading(List<GiftQuestion> questions, List<LineProblem> problems) {
    }

    public static Reading read(String text) {
        List<GiftQuestion> questions = new ArrayList<>();
        List<LineProblem> problems = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        if (lines.length > 0 && lines[0].startsWith("\uFEFF")) {
            lines[0] = lines[0].substring(1);
        }
        StringBuilder block = new StringBuilder();
        List<Integer> blockLines = new ArrayList<>();
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            String stripped = line.strip();
            if (stripped.startsWith("//") || stripped.startsWith("$CATEGORY:")) {
                continue;
            }
            if (!stripped.isEmpty()) {
                if (!blockLines.isEmpty()) {
                    block.append('\n');
                }
                block.append(line);
                blockLines.add(i + 1);
                continue;
            }
            if (!blockLines.isEmpty()) {
                try {
                    questions.add(new Block(block.toString(), blockLines).question());
                } catch (Problem problem) {
                    problems.add(new LineProblem(problem.line, problem.rejection));
                }
                block.setLength(0);
                blockLines = new ArrayList<>();
            }
        }
        return new Reading(List.copyOf(questions), List.copyOf(problems));
    }

    /** A question that cannot be read: where, and why. */
    private static final class Problem extends RuntimeException {

        final int line;
        final Rejection rejection;

        Problem(int line, String code, Object... arguments) {
            super(code, null, false, false);
            this.line = line;
            this.rejection = new Rejection("gift", code, List.of(arguments));
        }
    }

    /** One question's lines, joined; knows the line of every character. */
    private static final class Block {

        private final String text;
        private final List<Integer> lines;

        Block(String text, List<Integer> lines) {
            this.text = text;
            this.lines = lines;
        }

        int lineAt(int offset) {
            int breaks = 0;
            for (int i = 0; i < offset && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    breaks++;
                }
            }
            return lines.get(Math.min(breaks, lines.size() - 1));
        }

        Problem fail(int offset, String code, Object... arguments) {
            return new Problem(lineAt(offset), code, arguments);
        }

        GiftQuestion question() {
            int at = skipSpace(text, 0);
            String title = null;
            if (text.startsWith("::", at)) {
                int end = find(text, "::", at + 2);
                if (end < 0) {
                    throw fail(at, "gift.unclosed-title");
                }
                title = unescape(text.substring(at + 2, end)).strip();
                at = end + 2;
            }
            int open = find(text, "{", at);
            int stray = find(text, "}", at);
            if (stray >= 0 && (open < 0 || stray < open)) {
                throw fail(stray, "gift.stray-brace");
            }
            if (open < 0) {
                throw fail(0, "gift.no-braces");
            }
            int close = find(text, "}", open + 1);
            int nested = find(text, "{", open + 1);
            if (nested >= 0 && (close < 0 || nested < close)) {
                throw fail(nested, "gift.nested-brace");
            }
            if (close < 0) {
                throw fail(open, "gift.unclosed-brace", lineAt(open));
            }
            int again = Math.max(find(text, "{", close + 1), find(text, "}", close + 1));
            if (again >= 0) {
                throw fail(again, "gift.second-braces");
            }
            String stem = unescape(withoutFormat(text.substring(at, open).strip())).strip();
            String after = unescape(text.substring(close + 1)).strip();
            if (!after.isEmpty()) {
                stem = (stem.isEmpty() ? BLANK : stem + " " + BLANK) + " " + after;
            }
            return answers(title, stem, open + 1, text.substring(open + 1, close));
        }

        /** The answers between the braces, which start at {@code offset} of the block. */
        private GiftQuestion answers(String title, String stem, int offset, String body) {
            String general = null;
            int generalAt = find(body, "####", 0);
            if (generalAt >= 0) {
                general = blankToNull(unescape(body.substring(generalAt + 4)));
                body = body.substring(0, generalAt);
            }
            int start = skipSpace(body, 0);
            if (start == body.length()) {
                throw fail(offset, "gift.essay");
            }
            List<String> parts = split(body, '#');
            String first = parts.get(0).strip().toUpperCase(Locale.ROOT);
            if (TRUE.contains(first) || FALSE.contains(first)) {
                return trueFalse(title, stem, offset + start, TRUE.contains(first), parts, general);
            }
            if (body.charAt(start) == '#') {
                return numeric(title, stem, offset + start, body.substring(start + 1), general);
            }
            if (body.charAt(start) != '=' && body.charAt(start) != '~') {
                throw fail(offset + start, "gift.unknown-kind");
            }
            int arrow = find(body, "->", 0);
            if (arrow >= 0) {
                throw fail(offset + arrow, "gift.matching");
            }
            return choice(title, stem, offset, body, general);
        }

        private GiftQuestion trueFalse(String title, String stem, int offset, boolean truth, List<String> parts,
                                       String general) {
            if (parts.size() > 3) {
                throw fail(offset, "gift.true-false-feedback");
            }
            String wrong = parts.size() > 1 ? blankToNull(unescape(parts.get(1))) : null;
            String right = parts.size() > 2 ? blankToNull(unescape(parts.get(2))) : null;
            Question question = new Question(QuestionKind.TRUE_FALSE.key(), title, stem, null, truth, null, null, null,
                    null, null, null, truth ? right : wrong, truth ? wrong : right, general);
            return new GiftQuestion(lineAt(0), question, List.of());
        }

        private GiftQuestion numeric(String title, String stem, int offset, String body, String general) {
            String spec = body.strip();
            if (spec.startsWith("=")) {
                List<Integer> marks = marks(spec, Set.of('='));
                if (marks.size() > 1) {
                    throw fail(offset, "gift.numeric-answers");
                }
                spec = spec.substring(1);
                if (spec.startsWith("%")) {
                    int end = spec.indexOf('%', 1);
                    spec = end < 0 ? spec : spec.substring(end + 1);
                }
            }
            List<String> parts = split(spec, '#');
            if (parts.size() > 2) {
                throw fail(offset, "gift.numeric-feedback");
            }
            String own = parts.size() > 1 ? blankToNull(unescape(parts.get(1))) : null;
            String feedback = own == null ? general : general == null ? own : own + "\n" + general;
            String number = parts.get(0).strip();
            double answer;
            double tolerance;
            int range = number.indexOf("..");
            int colon = number.indexOf(':');
            if (range >= 0) {
                double low = number(number.substring(0, range), offset);
                double high = number(number.substring(range + 2), offset);
                answer = (low + high) / 2;
                tolerance = (high - low) / 2;
            } else if (colon >= 0) {
                answer = number(number.substring(0, colon), offset);
                tolerance = number(number.substring(colon + 1), offset);
            } else {
                answer = number(number, offset);
                tolerance = 0;
            }
            Question question = new Question(QuestionKind.NUMERIC.key(), title, stem, null, null, answer, tolerance,
                    null, null, null, null, null, null, feedback);
            return new GiftQuestion(lineAt(0), question, List.of());
        }

        private double number(String written, int offset) {
            String number = written.strip();
            try {
                if (number.isEmpty() || !number.matches("[-+]?[0-9.eE+-]+")) {
                    throw new NumberFormatException(number);
                }
                return Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw fail(offset, "gift.bad-number", number);
            }
        }

        private GiftQuestion choice(String title, String stem, int offset, String body, String general) {
            List<Integer> starts = marks(body, Set.of('=', '~'));
            List<QuestionOption> options = new ArrayList<>();
            List<Integer> optionLines = new ArrayList<>();
            boolean weighted = false;
            int equals = 0;
            int tildes = 0;
            for (int a = 0; a < starts.size(); a++) {
                int from = starts.get(a);
                String answer = body.substring(from + 1, a + 1 < starts.size() ? starts.get(a + 1) : body.length());
                boolean right = body.charAt(from) == '=';
                if (right) {
                    equals++;
                } else {
                    tildes++;
                }
                String rest = answer.stripLeading();
                if (rest.startsWith("%")) {
                    int end = rest.indexOf('%', 1);
                    String weight = end < 0 ? rest : rest.substring(1, end);
                    try {
                        if (end < 0) {
                            throw new NumberFormatException(weight);
                        }
                        right = right || Double.parseDouble(weight.strip()) > 0;
                    } catch (NumberFormatException e) {
                        throw fail(offset + from, "gift.bad-weight", weight.strip());
                    }
                    weighted = true;
                    rest = rest.substring(end + 1);
                }
                List<String> parts = split(rest, '#');
                String feedback = parts.size() > 1 ? blankToNull(unescape(String.join("#", parts.subList(1,
                        parts.size())))) : null;
                options.add(new QuestionOption(unescape(parts.get(0)).strip(), right, feedback));
                optionLines.add(lineAt(offset + from));
            }
            if (tildes == 0) {
                throw fail(offset, "gift.short-answer");
            }
            if (!weighted && equals > 1) {
                throw fail(offset + starts.get(1), "gift.several-right");
            }
            QuestionKind kind = weighted ? QuestionKind.MULTIPLE : QuestionKind.CHOICE;
            Question question = new Question(kind.key(), title, stem, List.copyOf(options), null, null, null, null,
                    null, null, null, null, null, general);
            return new GiftQuestion(lineAt(0), question, List.copyOf(optionLines));
        }
    }

    /** Where each unescaped mark of {@code marks} is. */
    private static List<Integer> marks(String text, Set<Character> marks) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (marks.contains(c)) {
                found.add(i);
            }
        }
        return found;
    }

    /** The first unescaped {@code token} at or after {@code from}; -1 when there is none. */
    static int find(String text, String token, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.startsWith(token, i)) {
                return i;
            }
        }
        return -1;
    }

    /** The text cut at each unescaped {@code separator}, escapes kept. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == separator) {
                parts.add(text.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(text.substring(from));
        return parts;
    }

    private static int skipSpace(String text, int from) {
        int at = from;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static String withoutFormat(String text) {
        for (String format : FORMATS) {
            if (text.toLowerCase(Locale.ROOT).startsWith(format)) {
                return text.substring(format.length());
            }
        }
        return text;
    }

    /**
     * GIFT's escapes undone: {@code \n} is a line break and {@code \= \~ \# \{ \} \: \\} the character itself; a
     * backslash before anything else is kept, as Moodle keeps it.
     */
    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && ESCAPED.indexOf(text.charAt(i + 1)) >= 0) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String blankToNull(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
