package dev.losslens.lecture;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Peer instruction, as Mazur runs it: vote, lock, discuss, vote again; the reveal shows both rounds, and the right
 * answer, with how many moved to it, only once the presenter shows it.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:lecture;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class PeerInstructionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The deck's true/false step ("False", option 1, is right) and its number step. */
    private static final int TRUE_FALSE_STEP = 7;
    private static final int NUMBER_STEP = 8;
    private static final String TRUE_FALSE = "whole-entire-sequence";

    @Autowired
    MockMvcTester mvc;

    private Cookie presenter;
    private String code;

    private MvcTestResult control(String body) {
        return mvc.post().uri("/api/classes/" + code + "/control").cookie(presenter)
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private MvcTestResult act(String action) {
        return control("{\"action\": \"" + action + "\"}");
    }

    /** A participant's vote; returns their cookie (a new participant when null). */
    private Cookie vote(Cookie participant, int choice) {
        var request = mvc.post().uri("/api/classes/" + code + "/votes").contentType(MediaType.APPLICATION_JSON)
                .content("{\"question\": \"%s\", \"choice\": %d}".formatted(TRUE_FALSE, choice));
        MvcTestResult voted = (participant == null ? request : request.cookie(participant)).exchange();
        assertThat(voted).hasStatus(204);
        return participant != null ? participant : voted.getResponse().getCookie("losslens-participant");
    }

    private JsonNode poll() throws Exception {
        return JSON.readTree(mvc.get().uri("/api/classes/" + code).exchange().getResponse().getContentAsString())
                .get("poll");
    }

    private static List<Integer> counts(JsonNode results) {
        List<Integer> counts = new ArrayList<>();
        results.get("counts").forEach(count -> counts.add(count.asInt()));
        return counts;
    }

    private String deck() throws Exception {
        return mvc.get().uri("/lecture/" + code).cookie(presenter).exchange().getResponse().getContentAsString();
    }

    @Test
    void aSecondRoundKeepsTheFirstAndTheAnswerWaitsForThePresenter() throws Exception {
        MvcTestResult opened = mvc.post().uri("/api/classes").exchange();
        presenter = opened.getResponse().getCookie("losslens-presenter");
        code = JSON.readTree(opened.getResponse().getContentAsString()).get("code").asString();
        assertThat(control("{\"action\": \"go\", \"step\": %d}".formatted(TRUE_FALSE_STEP))).hasStatusOk();
        Cookie ana = vote(null, 0);
        Cookie ben = vote(null, 0);
        Cookie cat = vote(null, 1);

        assertThat(act("answer")).as("no answer to show in a first round").hasStatus(409);
        MvcTestResult early = act("revote");
        assertThat(early).hasStatus(409);
        assertThat(early.getResponse().getContentAsString()).contains("Lock the first round");
        assertThat(act("lock")).hasStatusOk();
        assertThat(act("revote")).hasStatusOk();
        assertThat(poll().get("round").asInt()).isEqualTo(2);
        assertThat(poll().get("state").asString()).isEqualTo("open");
        assertThat(poll().get("answered").asInt()).as("everyone answers again").isZero();
        assertThat(deck()).contains("Second round: talk it over");

        vote(ana, 1);
        vote(ben, 0);
        vote(cat, 1);
        assertThat(act("answer")).as("reveal first").hasStatus(409);
        assertThat(act("reveal")).hasStatusOk();
        JsonNode revealed = poll();
        assertThat(counts(revealed.get("firstRound"))).containsExactly(2, 1);
        assertThat(counts(revealed.get("results"))).containsExactly(1, 2);
        assertThat(revealed.get("results").get("right").isNull()).as("the answer stays off the projector").isTrue();
        assertThat(revealed.get("firstRound").get("right").isNull()).isTrue();
        assertThat(revealed.get("movedToRight").isNull()).isTrue();
        assertThat(deck()).contains("First round", "Second round, after discussing", "not on screen yet")
                .doesNotContain("right-answer");

        assertThat(act("answer")).hasStatusOk();
        JsonNode shown = poll();
        assertThat(shown.get("results").get("right").asInt()).isEqualTo(1);
        assertThat(shown.get("movedToRight").asInt()).as("ana moved; cat was right already; ben stayed").isEqualTo(1);
        assertThat(deck()).contains("1 person changed to the right answer", "right-answer",
                "aria-label=\"False: 1 answer\"", "aria-label=\"False: 2 answers\"");
        assertThat(act("revote")).as("a poll has two rounds at most").hasStatus(409);

        String csv = mvc.get().uri("/api/classes/" + code + "/results.csv").cookie(presenter).exchange().getResponse()
                .getContentAsString();
        assertThat(csv).startsWith("question,state,round,option,answers,right,median\r\n")
                .contains(TRUE_FALSE + ",revealed,1,True,2,false,", TRUE_FALSE + ",revealed,1,False,1,true,",
                        TRUE_FALSE + ",revealed,2,True,1,false,", TRUE_FALSE + ",revealed,2,False,2,true,");

        assertThat(act("reset")).hasStatusOk();
        assertThat(poll().get("round").asInt()).as("a reset starts the poll over").isEqualTo(1);
        assertThat(poll().get("answered").asInt()).isZero();

        assertThat(control("{\"action\": \"go\", \"step\": %d}".formatted(NUMBER_STEP))).hasStatusOk();
        assertThat(act("lock")).hasStatusOk();
        assertThat(act("revote")).as("a number question has no second round").hasStatus(409);
    }
}
