package dev.losslens.lecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslens.NamedFile;
import dev.losslens.lecture.Deck.Kind;
import dev.losslens.lecture.Deck.Step;
import dev.losslens.quiz.grading.ClassQuestions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.Resource;

/** The shipped deck tells the whole story; a bad deck stops start-up saying where and what. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:lecture;DB_CLOSE_DELAY=-1")
// MockMvc unused here: with it, this class shares the lecture API tests' cached context instead of starting its own
@AutoConfigureMockMvc
class DecksTest {

    @Autowired
    Decks decks;

    @Autowired
    ClassQuestions questions;

    private static Resource file(String name, String json) {
        return NamedFile.of(name, json);
    }

    private static String deck(String steps) {
        return """
                {
                  "id": "demo", "title": "Demo", "prompt": "p", "response": "r",
                  "steps": [
                %s
                  ]
                }""".formatted(steps);
    }

    private static String step(String id, String kind, String extra) {
        return "    {\"id\": \"%s\", \"kind\": \"%s\", \"title\": \"T\", \"lines\": [\"l\"], \"notes\": \"n\"%s}"
                .formatted(id, kind, extra);
    }

    @Test
    void theShippedDeckTellsTheStoryInOrder() {
        Deck deck = decks.first();
        assertThat(deck.steps().stream().map(Step::kind)).containsExactly(Kind.FORMULAS, Kind.ALL_TARGETS,
                Kind.MASKED, Kind.SHIFT, Kind.POLL, Kind.RACE, Kind.REVEAL, Kind.POLL, Kind.LAMBDA, Kind.RACE,
                Kind.MYSTERY, Kind.SUMMARY);
        assertThat(deck.step(4).question()).isEqualTo(deck.step(6).question());
        assertThat(deck.step(5).preset()).isEqualTo(deck.step(6).preset()).isEqualTo("objective-from-base");
        assertThat(deck.step(9).preset()).isEqualTo("scratch-vs-base");
        assertThat(deck.step(9).charts()).containsExactly(RaceChart.RESPONSE_NLL, RaceChart.DRIFT);
        assertThat(deck.step(5).charts()).containsExactly(RaceChart.RESPONSE_NLL);
        assertThat(deck.numberQuestion(deck.step(8).question())).isPresent();
        assertThat(deck.steps()).filteredOn(Step::optional).extracting(Step::mystery)
                .containsExactly("end-of-text-masked");
        assertThat(deck.afterOptional(9)).as("S on the step before the mystery").isEqualTo(11);
        assertThat(deck.afterOptional(10)).as("S on the mystery itself").isEqualTo(11);
        assertThat(deck.afterOptional(11)).as("S on the last step").isEqualTo(11);
    }

    @Test
    void aBadDeckStopsStartUpNamingTheFileTheStepTheLineAndTheFault() {
        assertThatThrownBy(() -> new Decks(questions, List.of(file("demo.json",
                deck(step("a", "poll", ", \"question\": \"no-such-item\""))))))
                .isInstanceOf(DeckException.class)
                .hasMessage("sample-datasets/lectures/demo.json, step a (line 4): question 'no-such-item' is neither a "
                        + "choice, true/false or lane prediction of the quiz bank nor a number question of this deck");
        assertThatThrownBy(() -> new Decks(questions, List.of(file("demo.json",
                deck(step("b", "race", ", \"preset\": \"nope\""))))))
                .hasMessageContaining("step b").hasMessageContaining("preset 'nope' is not a lab preset");
        assertThatThrownBy(() -> new Decks(questions, List.of(file("demo.json",
                deck(step("g", "race", ", \"preset\": \"scratch-vs-base\", \"charts\": [\"vibes\"]"))))))
                .hasMessageContaining("step g").hasMessageContaining("charts may name response-nll, drift, not 'vibes'");
        assertThatThrownBy(() -> new Decks(questions, List.of(file("demo.json", deck(step("c", "dance", ""))))))
                .hasMessageContaining("step c").hasMessageContaining("kind must be one of");
        assertThatThrownBy(() -> new Decks(questions, List.of(file("demo.json",
                deck(step("d", "poll", ", \"question\": \"whole-factorise\"") + ",\n"
                        + step("d", "summary", ""))))))
                .hasMessageContaining("step d").hasMessageContaining("used twice");
        assertThatThrownBy(() -> new Decks(questions, List.of(file("demo.json", "{\n  \"id\": \"demo\",\n  oops\n}"))))
                .hasMessageStartingWith("sample-datasets/lectures/demo.json (line 3): ");
        assertThatThrownBy(() -> new Decks(questions, List.of(file("demo.json",
                deck(step("e", "poll", ", \"question\": \"mark-instruction-eot\""))))))
                .as("a mark-the-targets item cannot be tapped on a phone").hasMessageContaining("step e");
        assertThatThrownBy(() -> new Decks(questions, List.of(file("demo.json",
                deck(step("f", "mystery", ", \"question\": \"whole-factorise\""))))))
                .hasMessageContaining("step f").hasMessageContaining("a mystery step asks a diagnose item of the quiz "
                        + "bank, not 'whole-factorise'");
    }

    @Test
    void hostileTextInADeckIsKeptAsText() {
        Decks loaded = new Decks(questions, List.of(file("demo.json",
                deck(step("x", "formulas", "").replace("\"l\"", "\"<script>alert(1)</script>\"")))));
        assertThat(loaded.first().step(0).lines()).containsExactly("<script>alert(1)</script>");
    }
}
