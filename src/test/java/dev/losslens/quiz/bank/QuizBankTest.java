package dev.losslens.quiz.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslens.NamedFile;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.Tokenizer;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;

class QuizBankTest {

    private static final Tokenizer TOKENIZER = Tokenizer.bundled();
    private static final InstructionTemplate TEMPLATE = new InstructionTemplate(TOKENIZER);

    @Test
    void theShippedBankCoversEveryConceptAndKind() {
        QuizBank bank = new QuizBank(TEMPLATE, TOKENIZER);

        assertThat(bank.concepts()).extracting(Concept::id).containsExactly("objective-contrast",
                "conditional-objective", "same-machinery", "moderate-adjustment", "inputs-vs-targets",
                "whole-sequence-misconception", "label-shift-end-of-text", "lambda-dial", "comparing-honestly",
                "conversations-and-templates", "bug-zoo");
        assertThat(bank.concepts()).extracting(Concept::order).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(bank.items()).hasSizeGreaterThanOrEqualTo(45);
        assertThat(bank.concepts()).allSatisfy(concept -> assertThat(concept.items()).as(concept.id())
                .hasSizeGreaterThanOrEqualTo(4));
        Map<QuizItem.Kind, Long> perKind = bank.items().stream()
                .collect(Collectors.groupingBy(QuizItem::kind, Collectors.counting()));
        System.out.println("items per kind: " + perKind);
        assertThat(perKind).allSatisfy((kind, count) -> assertThat(count).as(kind.key()).isGreaterThanOrEqualTo(4));
        // numeric questions are instructors' own: the bank's numbers are computed (compute-loss)
        assertThat(perKind).containsOnlyKeys(Arrays.stream(QuizItem.Kind.values())
                .filter(kind -> kind != QuizItem.Kind.NUMERIC).toList());
    }

    @Test
    void theCoursesOwnQuestionsAreInTheBank() {
        QuizBank bank = new QuizBank(TEMPLATE, TOKENIZER);
        Function<String, QuizItem> item = id -> bank.item(id).orElseThrow();

        assertThat(((ChoiceItem) item.apply("contrast-team-phases")).stem()).contains("small set of command/response pairs");
        assertThat(((ChoiceItem) item.apply("contrast-two-stages")).stem()).contains("books and websites");
        TrueFalseItem chatbot = (TrueFalseItem) item.apply("machinery-chatbot-team");
        assertThat(chatbot.statement()).contains("fundamentally different");
        assertThat(chatbot.answer()).isFalse();
        TrueFalseItem whole = (TrueFalseItem) item.apply("whole-entire-sequence");
        assertThat(whole.statement()).contains("entire input-output sequence");
        assertThat(whole.answer()).isFalse();
    }

    private static Resource file(String name, String json) {
        return NamedFile.of(name, json);
    }

    private static String concept(String items) {
        return """
                {
                  "concept": "demo",
                  "title": "Demo",
                  "explanation": ["One paragraph."],
                  "explore": "/explore",
                  "preset": "objective-from-base",
                  "items": [%s]
                }""".formatted(items);
    }

    private static String choice(String id, boolean secondRight) {
        return """
                {
                  "id": "%s",
                  "kind": "choice",
                  "stem": "Which?",
                  "options": [
                    {"text": "A", "correct": true, "feedback": "Yes."},
                    {"text": "B", "correct": %s, "feedback": "No."}
                  ]
                }""".formatted(id, secondRight);
    }

    private static String fourChoices(String last) {
        return String.join(",", List.of(choice("a", false), choice("b", false), choice("c", false), last));
    }

    @Test
    void aBadFileStopsStartUpNamingTheFileTheItemTheLineAndTheFault() {
        assertThatThrownBy(() -> new QuizBank(TEMPLATE, TOKENIZER, List.of(file("01-demo.json", concept(fourChoices(choice("d", true)))))))
                .isInstanceOf(QuizBankException.class)
                .hasMessage("sample-datasets/quizzes/01-demo.json, item d (line 32): options needs exactly one right "
                        + "option, has 2");

        assertThatThrownBy(() -> new QuizBank(TEMPLATE, TOKENIZER, List.of(file("02-demo.json", "{\n  \"concept\": \"demo\",\n  oops\n}"))))
                .hasMessageStartingWith("sample-datasets/quizzes/02-demo.json (line 3): ");

        assertThatThrownBy(() -> new QuizBank(TEMPLATE, TOKENIZER, List.of(file("03-demo.json",
                concept(fourChoices(choice("a", false)))))))
                .hasMessageContaining("item a").hasMessageContaining("used twice");

        assertThatThrownBy(() -> new QuizBank(TEMPLATE, TOKENIZER, List.of(file("04-demo.json", concept(fourChoices(
                "{\"id\": \"e\", \"kind\": \"essay\"}"))))))
                .hasMessageContaining("item e").hasMessageContaining("kind must be");

        String tooLong = "{\"id\": \"long\", \"kind\": \"mark-targets\", \"objective\": \"instruction\", \"feedback\": \"x\","
                + " \"pair\": {\"prompt\": \"" + "word ".repeat(200) + "\", \"response\": \"y\"}}";
        assertThatThrownBy(() -> new QuizBank(TEMPLATE, TOKENIZER, List.of(file("05-demo.json", concept(fourChoices(tooLong))))))
                .hasMessageContaining("item long").hasMessageContaining("does not fit the model's context");

        String weightedWithoutLambda = "{\"id\": \"w\", \"kind\": \"mark-targets\", \"objective\": \"weighted\","
                + " \"feedback\": \"x\", \"pair\": {\"prompt\": \"p\", \"response\": \"r\"}}";
        assertThatThrownBy(() -> new QuizBank(TEMPLATE, TOKENIZER, List.of(file("06-demo.json",
                concept(fourChoices(weightedWithoutLambda))))))
                .hasMessageContaining("item w").hasMessageContaining("lambda must be a number");

        assertThatThrownBy(() -> new QuizBank(TEMPLATE, TOKENIZER, List.of(file("07-demo.json", concept(choice("a", false))))))
                .hasMessageContaining("items must be a list of at least 4");
    }
}
