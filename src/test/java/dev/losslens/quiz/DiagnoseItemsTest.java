package dev.losslens.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.quiz.bank.DiagnoseItem;
import dev.losslens.quiz.bank.QuizBank;
import dev.losslens.training.PipelineBug;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bug zoo's diagnose items: one per bug, each showing its real mystery run's symptoms and never its bug, graded once
 * the run has finished, explained with the incident and the check, and exported to Moodle XML as a description and a
 * choice. Its own database, so which runs have finished is known.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:diagnose;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class DiagnoseItemsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    QuizBank bank;

    private JsonNode json(String uri) throws Exception {
        return JSON.readTree(mvc.get().uri(uri).exchange().getResponse().getContentAsString());
    }

    private JsonNode answer(String item, int choice, HttpStatus status) throws Exception {
        var result = mvc.post().uri("/api/quiz/items/" + item + "/answers").contentType(MediaType.APPLICATION_JSON)
                .content("{\"choices\": [" + choice + "]}").exchange();
        assertThat(result).hasStatus(status);
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    @Test
    void theBugZooAsksOneItemPerBugAboutItsOwnMysteryRun() throws Exception {
        List<DiagnoseItem> items = bank.items().stream().filter(DiagnoseItem.class::isInstance)
                .map(DiagnoseItem.class::cast).toList();
        assertThat(items).extracting(DiagnoseItem::bug).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(PipelineBug.values()).map(PipelineBug::key).toList());
        assertThat(items).allSatisfy(item -> {
            assertThat(item.concept()).isEqualTo("bug-zoo");
            assertThat(item.id()).as("an id that does not name the bug").doesNotContain(item.bug().split("-"));
        });
        assertThat(bank.concept("bug-zoo").orElseThrow().title())
                .isEqualTo("The bug zoo: finding a pipeline bug from its symptoms");

        JsonNode shown = json("/api/quiz/items/zoo-lynx");
        assertThat(shown.get("kind").asString()).isEqualTo("diagnose");
        assertThat(shown.get("options")).hasSize(8);
        String title = shown.get("options").get(PipelineBug.END_OF_TEXT_MASKED.ordinal()).asString();
        assertThat(title).isEqualTo("The end-of-text token masked as padding");
        JsonNode evidence = shown.get("evidence");
        if (!evidence.get("finished").asBoolean()) {
            assertThat(answer("zoo-lynx", PipelineBug.END_OF_TEXT_MASKED.ordinal(), HttpStatus.CONFLICT).get("detail")
                    .asString()).contains("is still training");
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!evidence.get("finished").asBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            evidence = json("/api/quiz/items/zoo-lynx").get("evidence");
        }
        assertThat(evidence.get("lanes").get(1).get("label").asString()).endsWith("with a hidden bug");
        assertThat(shown.get("question").asString() + evidence).doesNotContainIgnoringCase(title)
                .doesNotContain("end-of-text-masked");
        assertThat(mvc.get().uri("/quiz/run?set=zoo-lynx&at=0")).bodyText()
                .contains("Symptoms of run #" + evidence.get("run").asLong(), "Answers that stop");

        JsonNode wrong = answer("zoo-lynx", PipelineBug.MASK_DROPPED.ordinal(), HttpStatus.OK).get("grade");
        assertThat(wrong.get("correct").asBoolean()).isFalse();
        assertThat(wrong.get("feedback").get(0).asString()).isEqualTo("Not that one: the bug is “" + title + "”.");
        JsonNode revealed = wrong.get("revealed");
        assertThat(revealed.get("key").asString()).isEqualTo("end-of-text-masked");
        assertThat(revealed.get("reports").get(0).asString()).isEqualTo("https://github.com/huggingface/trl/issues/1623");
        assertThat(revealed.get("check").asString()).isEqualTo("Every end-of-text token of an answer is a counted target.");
        assertThat(revealed.get("caught").get("lane").asInt()).isEqualTo(1);
        assertThat(revealed.get("lanes").get(0).get("failed")).as("the correct lane passes every check").isEmpty();
        assertThat(answer("zoo-lynx", PipelineBug.END_OF_TEXT_MASKED.ordinal(), HttpStatus.OK).get("grade")
                .get("correct").asBoolean()).isTrue();

        String xml = mvc.get().uri("/api/quiz/export.xml").exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        NodeList questions = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getElementsByTagName("question");
        List<Element> zoo = new ArrayList<>();
        for (int i = 0; i < questions.getLength(); i++) {
            Element question = (Element) questions.item(i);
            if (question.getElementsByTagName("name").item(0).getTextContent().strip().startsWith("zoo-")) {
                zoo.add(question);
            }
        }
        assertThat(zoo).as("only the finished run's diagnosis, as a description and a choice").hasSize(2);
        assertThat(zoo.get(0).getAttribute("type")).isEqualTo("description");
        assertThat(zoo.get(0).getElementsByTagName("questiontext").item(0).getTextContent())
                .contains("Mystery run #" + evidence.get("run").asLong(), "answers that stop",
                        "/runs/" + evidence.get("run").asLong()).doesNotContainIgnoringCase(title);
        assertThat(zoo.get(1).getAttribute("type")).isEqualTo("multichoice");
        NodeList answers = zoo.get(1).getElementsByTagName("answer");
        assertThat(answers.getLength()).isEqualTo(8);
        List<String> right = new ArrayList<>();
        for (int a = 0; a < answers.getLength(); a++) {
            Element option = (Element) answers.item(a);
            if (option.getAttribute("fraction").equals("100")) {
                right.add(option.getElementsByTagName("text").item(0).getTextContent());
            }
        }
        assertThat(right).containsExactly(title);
        assertThat(zoo.get(1).getElementsByTagName("generalfeedback").item(0).getTextContent())
                .contains("https://github.com/huggingface/trl/issues/1623");
        assertThat(mvc.get().uri("/api/quiz/export.gift")).bodyText().as("GIFT has no place for symptoms")
                .doesNotContain("zoo-");
    }
}
