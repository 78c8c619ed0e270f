package dev.losslens.quiz.pages;

import dev.losslens.notation.PlainNumber;
import dev.losslens.quiz.bank.ChoiceItem;
import dev.losslens.quiz.bank.ComputeLossItem;
import dev.losslens.quiz.bank.QuizBank;
import dev.losslens.quiz.bank.QuizItem;
import dev.losslens.quiz.bank.TrueFalseItem;
import dev.losslens.quiz.grading.Answer;
import dev.losslens.quiz.grading.Exercises;
import dev.losslens.quiz.grading.ItemView;
import dev.losslens.quiz.grading.QuizService;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
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
 * The bank for an LMS: choice, multiple-choice, true/false and numeric (compute-loss, variant 0) items as Moodle GIFT
 * and Moodle XML, with feedback. Token items other than compute-loss have no LMS form and are left out.
 */
@Component
class QuizExport {

    private final QuizBank bank;
    private final QuizService quiz;

    QuizExport(QuizBank bank, QuizService quiz) {
        this.bank = bank;
        this.quiz = quiz;
    }

    /** An item as an LMS question: its text, and each answer with its credit (percent) and feedback. */
    /** @param answer the right answer of a true/false or numeric question, else null */
    record Question(String id, String type, String text, List<Choice> choices, Object answer, Double tolerance,
                    String feedback) {
    }

    /** @param credit percent of the mark: a share of 100 for a right option, 0 or −100 for a wrong one */
    record Choice(String text, double credit, String feedback) {
    }

    List<Question> questions() {
        List<Question> questions = new ArrayList<>();
        for (QuizItem item : bank.items()) {
            if (item instanceof ChoiceItem choice) {
                int right = choice.rightOptions().size();
                boolean single = choice.kind() == QuizItem.Kind.CHOICE;
                questions.add(new Question(item.id(), single ? "choice" : "multiple", choice.stem(),
                        choice.options().stream().map(o -> new Choice(o.text(),
                                o.correct() ? 100.0 / right : (single ? 0 : -100), o.feedback())).toList(),
                        null, null, ""));
            } else if (item instanceof TrueFalseItem judged) {
                String why = judged.reasons().get(judged.rightReason()).text();
                questions.add(new Question(item.id(), "true-false", judged.statement(), List.of(), judged.answer(),
                        null, judged.feedback() + " " + why));
            } else if (item instanceof ComputeLossItem compute) {
                ItemView view = quiz.view(compute, 0);
                double right = quiz.rightValue(compute, 0);
                String worked = quiz.grade(compute, 0, new Answer(null, null, null, null, right, 0)).feedback().get(0);
                String table = view.tokens().stream().skip(1).map(chip -> "%d %s (%s): %s".formatted(chip.position(),
                        chip.text(), chip.role(), Exercises.number(chip.nll()))).collect(Collectors.joining("; "));
                questions.add(new Question(item.id(), "numeric", view.question() + " Tokens with −log p: " + table
                        + ".", List.of(), right, compute.tolerance(), worked));
            }
        }
        return questions;
    }

    /** Moodle GIFT: one question per paragraph; ~ = # { } : and \\ escaped in text. */
    String gift() {
        StringBuilder out = new StringBuilder("// LossLens quiz bank: choice, true/false and numeric items\n\n");
        for (Question q : questions()) {
            out.append("::").append(escape(q.id())).append("::").append(escape(q.text())).append(" {");
            switch (q.type()) {
                case "true-false" -> out.append(Boolean.TRUE.equals(q.answer()) ? "TRUE" : "FALSE")
                        .append("####").append(escape(q.feedback()));
                case "numeric" -> out.append("#").append(Exercises.number((Double) q.answer())).append(':')
                        .append(Exercises.number(q.tolerance())).append("####").append(escape(q.feedback()));
                default -> q.choices().forEach(c -> out.append("\n  ")
                        .append(q.type().equals("choice") ? (c.credit() == 100 ? "=" : "~") : "~%" + credit(c) + "%")
                        .append(escape(c.text())).append(" #").append(escape(c.feedback())));
            }
            out.append(q.type().equals("choice") || q.type().equals("multiple") ? "\n}\n\n" : "}\n\n");
        }
        return out.toString();
    }

    /** Moodle's own precision for shares such as 33.33333. */
    private static String credit(Choice choice) {
        return PlainNumber.of(choice.credit(), 5);
    }

    private static String escape(String text) {
        return text.replaceAll("([~=#{}:\\\\])", "\\\\$1").replace("\n", " ");
    }

    /** Moodle XML. */
    String xml() {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element quiz = doc.createElement("quiz");
            doc.appendChild(quiz);
            for (Question q : questions()) {
                Element question = child(doc, quiz, "question", null);
                question.setAttribute("type", switch (q.type()) {
                    case "true-false" -> "truefalse";
                    case "numeric" -> "numerical";
                    default -> "multichoice";
                });
                text(doc, child(doc, question, "name", null), q.id());
                text(doc, child(doc, question, "questiontext", "format"), q.text());
                text(doc, child(doc, question, "generalfeedback", "format"), q.feedback());
                switch (q.type()) {
                    case "true-false" -> {
                        boolean truth = Boolean.TRUE.equals(q.answer());
                        answer(doc, question, truth ? "100" : "0", "true", q.feedback());
                        answer(doc, question, truth ? "0" : "100", "false", q.feedback());
                    }
                    case "numeric" -> {
                        Element answer = answer(doc, question, "100", Exercises.number((Double) q.answer()), q.feedback());
                        child(doc, answer, "tolerance", null).setTextContent(Exercises.number(q.tolerance()));
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
