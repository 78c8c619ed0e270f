package dev.losslens.quiz.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslens.quiz.authored.AuthoredQuestion;
import dev.losslens.quiz.authored.GiftImport;
import dev.losslens.quiz.authored.GiftQuestion;
import dev.losslens.quiz.authored.Question;
import dev.losslens.quiz.authored.QuestionOption;
import dev.losslens.quiz.bank.ChoiceItem;
import dev.losslens.quiz.bank.ComputeLossItem;
import dev.losslens.quiz.bank.QuizBank;
import dev.losslens.quiz.bank.QuizItem;
import dev.losslens.quiz.bank.TrueFalseItem;
import dev.losslens.quiz.grading.QuizService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The LMS exports, read back: every choice, true/false and numeric item survives with its right answer. */
@SpringBootTest
@AutoConfigureMockMvc
class QuizExportTest {

    private static final Pattern GIFT_QUESTION = Pattern.compile("::((?:\\\\.|[^:\\\\])*)::((?:\\\\.|[^{\\\\])*)\\{(.*?)}\\s*$",
            Pattern.DOTALL);
    /** One answer per line: its mark, optional credit, text up to the first unescaped #, then feedback. */
    private static final Pattern GIFT_ANSWER = Pattern.compile("^\\s*([=~])(?:%(-?[0-9.]+)%)?((?:\\\\.|[^#\\\\])*)#",
            Pattern.MULTILINE);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    QuizBank bank;

    @Autowired
    QuizService quiz;

    @Autowired
    QuizExport export;

    @Autowired
    GiftImport giftImport;

    private static String unescape(String text) {
        return text.replaceAll("\\\\(.)", "$1").strip();
    }

    private String download(String format) throws Exception {
        MvcTestResult result = mvc.get().uri("/api/quiz/export." + format).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Expected right answers: option texts for choice items, TRUE/FALSE, or the number. */
    private Map<String, List<String>> expected() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (QuizItem item : bank.items()) {
            if (item instanceof ChoiceItem choice) {
                expected.put(item.id(), choice.rightOptions().stream().map(i -> choice.options().get(i).text()).toList());
            } else if (item instanceof TrueFalseItem judged) {
                expected.put(item.id(), List.of(judged.answer() ? "TRUE" : "FALSE"));
            } else if (item instanceof ComputeLossItem compute) {
                double value = quiz.rightValue(compute, 0);
                expected.put(item.id(), List.of(String.valueOf(value)));
            }
        }
        return expected;
    }

    private void assertEveryItemAndItsRightAnswer(Map<String, List<String>> read) {
        Map<String, List<String>> expected = expected();
        assertThat(read.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((id, answers) -> {
            if (bank.item(id).orElseThrow() instanceof ComputeLossItem) {
                assertThat(Double.parseDouble(read.get(id).get(0))).as(id)
                        .isCloseTo(Double.parseDouble(answers.get(0)), within(0.0005));
            } else {
                assertThat(read.get(id)).as(id).containsExactlyElementsOf(answers);
            }
        });
    }

    @Test
    void giftReadsBackWithEveryItemAndItsRightAnswer() throws Exception {
        String gift = download("gift");
        Map<String, List<String>> read = new LinkedHashMap<>();
        for (String block : gift.split("\n\n")) {
            if (block.isBlank() || block.startsWith("//")) {
                continue;
            }
            Matcher question = GIFT_QUESTION.matcher(block.strip());
            assertThat(question.find()).as(block).isTrue();
            String id = unescape(question.group(1));
            String body = question.group(3).strip();
            List<String> right = new ArrayList<>();
            if (body.startsWith("TRUE") || body.startsWith("FALSE")) {
                right.add(body.startsWith("TRUE") ? "TRUE" : "FALSE");
            } else if (body.startsWith("#")) {
                right.add(body.substring(1, body.indexOf(':')));
            } else {
                Matcher answer = GIFT_ANSWER.matcher(body);
                while (answer.find()) {
                    boolean isRight = answer.group(1).equals("=")
                            || (answer.group(2) != null && Double.parseDouble(answer.group(2)) > 0);
                    if (isRight) {
                        right.add(unescape(answer.group(3)));
                    }
                }
            }
            read.put(id, right);
        }
        assertEveryItemAndItsRightAnswer(read);
        System.out.println("GIFT export: " + read.size() + " items");
    }

    @Test
    void moodleXmlReadsBackWithEveryItemAndItsRightAnswer() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(download("xml").getBytes(StandardCharsets.UTF_8)));
        NodeList questions = doc.getElementsByTagName("question");
        Map<String, List<String>> read = new LinkedHashMap<>();
        for (int i = 0; i < questions.getLength(); i++) {
            Element question = (Element) questions.item(i);
            String id = ((Element) question.getElementsByTagName("name").item(0)).getTextContent().strip();
            assertThat(((Element) question.getElementsByTagName("generalfeedback").item(0)).getTextContent())
                    .as(id).isNotNull();
            List<String> right = new ArrayList<>();
            NodeList answers = question.getElementsByTagName("answer");
            for (int a = 0; a < answers.getLength(); a++) {
                Element answer = (Element) answers.item(a);
                assertThat(answer.getElementsByTagName("feedback").item(0).getTextContent()).as(id).isNotBlank();
                if (Double.parseDouble(answer.getAttribute("fraction")) > 0) {
                    String text = ((Element) answer.getElementsByTagName("text").item(0)).getTextContent();
                    right.add(question.getAttribute("type").equals("truefalse") ? text.toUpperCase() : text);
                }
            }
            read.put(id, right);
        }
        assertEveryItemAndItsRightAnswer(read);
    }

    @Test
    void theBanksGiftImportsBackToTheSameQuestions() {
        String gift = export.gift();
        List<QuizExport.Question> exported = export.questions(false);
        System.out.println("GIFT export of the bank: " + gift.length() + " characters, "
                + gift.getBytes(StandardCharsets.UTF_8).length + " bytes, " + java.net.URLEncoder.encode(gift,
                StandardCharsets.UTF_8).length() + " as a form field, " + exported.size() + " questions");
        GiftImport.Plan plan = giftImport.plan(gift);
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.questions()).hasSameSizeAs(exported);
        for (int i = 0; i < exported.size(); i++) {
            QuizExport.Question sent = exported.get(i);
            Question read = plan.questions().get(i).question();
            assertThat(read.title()).isEqualTo(sent.name());
            assertThat(read.kind()).as(sent.name()).isEqualTo(sent.type());
            assertThat(read.text()).as(sent.name()).isEqualTo(sent.text());
            assertThat(read.feedback()).as(sent.name()).isEqualTo(sent.feedback().isBlank() ? null : sent.feedback());
            switch (sent.type()) {
                case "true-false" -> assertThat(read.truth()).as(sent.name()).isEqualTo(sent.answer());
                case "numeric" -> {
                    assertThat(read.answer()).as(sent.name()).isEqualTo(Double.parseDouble(sent.number()));
                    assertThat(read.tolerance()).as(sent.name()).isEqualTo(Double.parseDouble(sent.tolerance()));
                }
                default -> assertThat(read.options()).as(sent.name())
                        .extracting(QuestionOption::text, QuestionOption::correct, QuestionOption::feedback)
                        .containsExactlyElementsOf(sent.choices().stream().map(c -> org.assertj.core.groups.Tuple.tuple(
                                c.text(), c.credit() > 0, c.feedback().isBlank() ? null : c.feedback())).toList());
            }
        }
    }

    @Test
    void instructorsQuestionsExportAndImportBackUnchanged() {
        List<Question> written = List.of(
                new Question("choice", "Which: tokens?", "Under SFT, which tokens {carry} loss?\nOne = right, ~ # \\.",
                        List.of(new QuestionOption("The response #1", true, "Yes: = right."),
                                new QuestionOption("The prompt", false, null),
                                new QuestionOption("Every token", false, "That is pre-training.")),
                        null, null, null, null, null, null, null, null, null, "Read, not scored."),
                new Question("multiple", null, "Which are targets under pre-training?",
                        List.of(new QuestionOption("response", true, null), new QuestionOption("prompt", true, "too"),
                                new QuestionOption("first token", false, "never")),
                        null, null, null, null, null, null, null, null, null, null),
                new Question("true-false", "TF", "The prompt is a target in SFT.", null, false, null, null, null, null,
                        null, null, "No: it is read only.", "Right.", "Both sides are read."),
                new Question("true-false", null, "The response is a target.", null, true, null, null, null, null,
                        null, null, null, null, null),
                new Question("numeric", "ln 2", "What is −ln 0.5?", null, null, 0.693147, 0.0000001, null, null, null,
                        null, null, null, "ln 2 ≈ 0.693."),
                new Question("numeric", null, "Large?", null, null, -1e12, 0.0, null, null, null, null, null, null,
                        null));
        List<AuthoredQuestion> stored = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            stored.add(new AuthoredQuestion(i + 1, AuthoredQuestion.itemId(i + 1), "jo", written.get(i), null, null));
        }
        String gift = export.gift(stored.stream().map(AuthoredQuestion::quizItem).toList(),
                item -> stored.stream().filter(q -> q.item().equals(item.id())).findFirst().map(q ->
                        q.question().title() == null ? q.item() : q.question().title()).orElseThrow(), "test");
        GiftImport.Plan plan = giftImport.plan(gift);
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.questions()).extracting(GiftQuestion::question).usingRecursiveComparison()
                .isEqualTo(written.stream().map(q -> q.title() != null ? q : new Question(q.kind(),
                        AuthoredQuestion.itemId(written.indexOf(q) + 1), q.text(), q.options(), q.truth(), q.answer(),
                        q.tolerance(), q.objective(), q.lambda(), q.prompt(), q.response(), q.ifTrue(), q.ifFalse(),
                        q.feedback())).toList());
    }
}
