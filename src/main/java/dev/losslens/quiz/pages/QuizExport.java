package dev.losslens.quiz.pages;

import dev.losslens.notation.PlainNumber;
import dev.losslens.quiz.bank.BugZoo;
import dev.losslens.quiz.bank.ChoiceItem;
import dev.losslens.quiz.bank.ComputeLossItem;
import dev.losslens.quiz.bank.DiagnoseItem;
import dev.losslens.quiz.bank.NumericItem;
import dev.losslens.quiz.bank.QuizBank;
import dev.losslens.quiz.bank.QuizItem;
import dev.losslens.quiz.bank.TrueFalseItem;
import dev.losslens.quiz.grading.Answer;
import dev.losslens.quiz.grading.Exercises;
import dev.losslens.quiz.grading.ItemView;
import dev.losslens.quiz.grading.QuizService;
import dev.losslens.system.web.WebProperties;
import dev.losslens.system.words.Wording;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Questions for an LMS: choice, multiple-choice, true/false and numeric items (the bank's compute-loss items at their
 * variant 0, and instructors' numeric questions) as Moodle GIFT and Moodle XML, with feedback. A diagnosis goes to
 * Moodle XML only, as a description of its mystery run's symptoms followed by a choice among the bugs, once that run
 * has finished (exporting starts no run). Token items other than compute-loss (mark the targets, mark the trained
 * tokens of a conversation, the mask bug) and predictions have no LMS form and are left out.
 */
@Component
public class QuizExport {

    private final QuizBank bank;
    private final QuizService quiz;
    private final BugZoo zoo;
    private final WebProperties web;
    private final Wording words;

    QuizExport(QuizBank bank, QuizService quiz, BugZoo zoo, WebProperties web, Wording words) {
        this.bank = bank;
        this.quiz = quiz;
        this.zoo = zoo;
        this.web = web;
        this.words = words;
    }

    /**
     * An item as an LMS question: its text, and each answer with its credit (percent) and feedback.
     *
     * @param answer the right answer of a true/false question, else null
     * @param number the right answer of a numeric question, as written, else null
     * @param ifTrue a true/false question's feedback for a learner who answers true; blank for the general one
     */
    record Question(String name, String type, String text, List<Choice> choices, Boolean answer, String number,
                    String tolerance, String feedback, String ifTrue, String ifFalse) {
    }

    /** @param credit percent of the mark: a share of 100 for a right option, 0 or −100 for a wrong one */
    record Choice(String text, double credit, String feedback) {
    }

    /**
     * The bundled bank, each item named by its id.
     *
     * @param withRuns whether diagnoses come too, each as a description and a choice (Moodle XML has both)
     */
    List<Question> questions(boolean withRuns) {
        return questions(bank.items(), QuizItem::id, withRuns);
    }

    private List<Question> questions(List<QuizItem> items, Function<QuizItem, String> names, boolean withRuns) {
        List<Question> questions = new ArrayList<>();
        for (QuizItem item : items) {
            String name = names.apply(item);
            if (item instanceof DiagnoseItem diagnose && withRuns) {
                zoo.finished(diagnose.bug()).ifPresent(run -> questions.addAll(diagnosis(name, diagnose, run)));
            }
            if (item instanceof ChoiceItem choice) {
                int right = choice.rightOptions().size();
                boolean single = choice.kind() == QuizItem.Kind.CHOICE;
                questions.add(new Question(name, single ? "choice" : "multiple", choice.stem(),
                        choice.options().stream().map(o -> new Choice(o.text(),
                                o.correct() ? 100.0 / right : (single ? 0 : -100), o.feedback())).toList(),
                        null, null, null, choice.feedback(), "", ""));
            } else if (item instanceof TrueFalseItem judged) {
                String why = judged.rightReason() < 0 ? "" : " " + judged.reasons().get(judged.rightReason()).text();
                questions.add(new Question(name, "true-false", judged.statement(), List.of(), judged.answer(), null,
                        null, (judged.feedback() + why).strip(), judged.ifTrue(), judged.ifFalse()));
            } else if (item instanceof NumericItem numeric) {
                questions.add(new Question(name, "numeric", numeric.stem(), List.of(), null,
                        PlainNumber.of(numeric.answer()), PlainNumber.of(numeric.tolerance()), numeric.feedback(), "",
                        ""));
            } else if (item instanceof ComputeLossItem compute) {
                ItemView view = quiz.view(compute, 0);
                double right = quiz.rightValue(compute, 0);
                String worked = quiz.grade(compute, 0, new Answer(null, null, null, null, right, 0)).feedback().get(0);
                String table = view.tokens().stream().skip(1).map(chip -> "%d %s (%s): %s".formatted(chip.position(),
                        chip.text(), chip.role(), Exercises.number(chip.nll()))).collect(Collectors.joining("; "));
                questions.add(new Question(name, "numeric", view.question() + " Tokens with −log p: " + table
                        + ".", List.of(), null, Exercises.number(right), Exercises.number(compute.tolerance()), worked,
                        "", ""));
            }
        }
        return questions;
    }

    /**
     * A diagnosis as Moodle asks it: the run's symptoms as a description, then the choice among the bugs, whose
     * feedback tells the bug in full.
     */
    private List<Question> diagnosis(String name, DiagnoseItem item, BugZoo.Evidence run) {
        List<String> lines = new ArrayList<>();
        lines.add(words.page("quiz.export.mystery", run.run()));
        run.lanes().forEach(lane -> lines.add(words.page("quiz.export.lane", lane.label(),
                lane.trainLoss() == null ? "—" : Exercises.number(lane.trainLoss()),
                Exercises.number(lane.firstResponseNll()), Exercises.number(lane.responseNll()),
                Exercises.number(lane.firstPromptNll()), Exercises.number(lane.promptNll()),
                PlainNumber.of(100 * lane.exactMatch(), 0),
                lane.stopped() == null ? "—" : PlainNumber.of(100 * lane.stopped(), 0) + " %",
                Exercises.number(lane.drift()))
                + (lane.divergedAt() == null ? "" : " " + words.page("quiz.export.diverged", lane.divergedAt()))));
        run.answers().forEach(row -> lines.add(words.page("quiz.export.answers", row.prompt(), row.expected(),
                String.join("; ", row.lanes().stream().map(answer -> words.page(answer.correct()
                        ? "quiz.export.right" : "quiz.export.wrong", answer.label(), answer.generated())
                        + (Boolean.FALSE.equals(answer.stopped()) ? " " + words.page("page.symptoms.noStop") : ""))
                        .toList()))));
        lines.add(words.page("quiz.export.run", web.link("/runs/" + run.run())));
        BugZoo.Reveal reveal = zoo.reveal(item.bug(), run.run());
        String right = zoo.titles().get(zoo.bugs().indexOf(item.bug()));
        String told = String.join(" ", item.feedback(), reveal.how(), reveal.story(),
                words.page("quiz.export.check", reveal.check()),
                words.page("quiz.export.reported", String.join(", ", reveal.reports().stream().map(Object::toString)
                        .toList())));
        return List.of(new Question(name + "-symptoms", "description", String.join("\n", lines), List.of(), null,
                        null, null, "", "", ""),
                new Question(name, "choice", quiz.view(item, 0).question(), zoo.titles().stream()
                        .map(title -> new Choice(title, title.equals(right) ? 100 : 0, words.page(title.equals(right)
                                ? "quiz.diagnose.right" : "quiz.diagnose.wrong", right))).toList(), null, null, null,
                        told, "", ""));
    }

    /** The bundled bank as Moodle GIFT, without diagnoses: GIFT has no place for a run's symptoms. */
    String gift() {
        return gift(questions(false), "// LossLens quiz bank: choice, true/false and numeric items");
    }

    /** These items as Moodle GIFT, each named as {@code names} says, under a comment line. */
    public String gift(List<QuizItem> items, Function<QuizItem, String> names, String comment) {
        return gift(questions(items, names, false), "// " + comment.replace("\n", " "));
    }

    /**
     * Moodle GIFT: one question per paragraph; ~ = # { } : and \\ escaped in text, a line break as \\n. Each text is
     * marked {@code [plain]}, so Moodle shows markup a question carries as written, never as HTML.
     */
    private static String gift(List<Question> questions, String heading) {
        StringBuilder out = new StringBuilder(heading).append("\n\n");
        for (Question q : questions) {
            out.append("::").append(escape(q.name())).append("::[plain]").append(escape(q.text())).append(" {");
            switch (q.type()) {
                case "true-false" -> {
                    boolean truth = Boolean.TRUE.equals(q.answer());
                    out.append(truth ? "TRUE" : "FALSE");
                    if (!q.ifTrue().isBlank() || !q.ifFalse().isBlank()) {
                        // Moodle reads the first feedback as the wrong answer's, the second as the right one's
                        out.append('#').append(escape(truth ? q.ifFalse() : q.ifTrue())).append('#')
                                .append(escape(truth ? q.ifTrue() : q.ifFalse()));
                    }
                    general(out, q);
                }
                case "numeric" -> {
                    out.append("#").append(q.number()).append(':').append(q.tolerance());
                    general(out, q);
                }
                default -> {
                    q.choices().forEach(c -> out.append("\n  ")
                            .append(q.type().equals("choice") ? (c.credit() == 100 ? "=" : "~")
                                    : "~%" + credit(c) + "%")
                            .append(escape(c.text())).append(" #").append(escape(c.feedback())));
                    if (!q.feedback().isBlank()) {
                        out.append("\n  ");
                        general(out, q);
                    }
                }
            }
            out.append(q.type().equals("choice") || q.type().equals("multiple") ? "\n}\n\n" : "}\n\n");
        }
        return out.toString();
    }

    private static void general(StringBuilder out, Question q) {
        if (!q.feedback().isBlank()) {
            out.append("####").append(escape(q.feedback()));
        }
    }

    /** Moodle's own precision for shares such as 33.33333. */
    private static String credit(Choice choice) {
        return PlainNumber.of(choice.credit(), 5);
    }

    private static String escape(String text) {
        return text.replaceAll("([~=#{}:\\\\])", "\\\\$1").replace("\n", "\\n");
    }

    /** The bundled bank as Moodle XML. */
    String xml() {
        return xml(questions(true));
    }

    /** These items as Moodle XML, each named as {@code names} says. */
    public String xml(List<QuizItem> items, Function<QuizItem, String> names) {
        return xml(questions(items, names, true));
    }

    private static String xml(List<Question> questions) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element quiz = doc.createElement("quiz");
            doc.appendChild(quiz);
            for (Question q : questions) {
                Element question = child(doc, quiz, "question", null);
                question.setAttribute("type", switch (q.type()) {
                    case "true-false" -> "truefalse";
                    case "numeric" -> "numerical";
                    case "description" -> "description";
                    default -> "multichoice";
                });
                text(doc, child(doc, question, "name", null), q.name());
                text(doc, child(doc, question, "questiontext", "format"), q.text());
                text(doc, child(doc, question, "generalfeedback", "format"), q.feedback());
                switch (q.type()) {
                    case "true-false" -> {
                        boolean truth = Boolean.TRUE.equals(q.answer());
                        answer(doc, question, truth ? "100" : "0", "true", q.ifTrue().isBlank() ? q.feedback()
                                : q.ifTrue());
                        answer(doc, question, truth ? "0" : "100", "false", q.ifFalse().isBlank() ? q.feedback()
                                : q.ifFalse());
                    }
                    case "numeric" -> {
                        Element answer = answer(doc, question, "100", q.number(), q.feedback());
                        child(doc, answer, "tolerance", null).setTextContent(q.tolerance());
                    }
                    case "description" -> {
                        // a description asks nothing: it carries the text the next question is about
                    }
                    default -> {
                        child(doc, question, "single", null).setTextContent(String.valueOf(q.type().equals("choice")));
                        child(doc, question, "shuffleanswers", null).setTextContent("true");
                        q.choices().forEach(c -> answer(doc, question, credit(c), c.text(), c.feedback()));
                    }
                }
            }
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("could not write Moodle XML", e);
        }
    }

    private static Element answer(Document doc, Element question, String credit, String text, String feedback) {
        Element answer = child(doc, question, "answer", "format");
        answer.setAttribute("fraction", credit);
        text(doc, answer, text);
        text(doc, child(doc, answer, "feedback", "format"), feedback);
        return answer;
    }

    private static Element child(Document doc, Element parent, String name, String format) {
        Element element = doc.createElement(name);
        if (format != null) {
            element.setAttribute("format", "plain_text");
        }
        parent.appendChild(element);
        return element;
    }

    private static void text(Document doc, Element parent, String value) {
        child(doc, parent, "text", null).setTextContent(value);
    }
}
