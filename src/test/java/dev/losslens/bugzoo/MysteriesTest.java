package dev.losslens.bugzoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.losslens.quiz.progress.Learner;
import dev.losslens.training.PipelineBug;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A learner's mystery over the API and its page: the bug stays on the server until they have named it, they name it
 * once, and nobody else can. Its run trains the tests' few steps.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MysteriesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    private static JsonNode json(MvcTestResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    private MvcTestResult answer(long id, String bug, Cookie... cookies) {
        var request = mvc.post().uri("/api/mysteries/" + id + "/answer").contentType(MediaType.APPLICATION_JSON)
                .content("{\"bug\": \"" + bug + "\"}");
        return cookies.length == 0 ? request.exchange() : request.cookie(cookies).exchange();
    }

    private String title(PipelineBug bug) {
        return messages.getMessage("bug." + bug.key() + ".title", null, java.util.Locale.ENGLISH);
    }

    @Test
    void theBugIsNamedOnceByItsLearnerAndNeverShownBefore() throws Exception {
        MvcTestResult started = mvc.post().uri("/api/mysteries").exchange();
        assertThat(started).hasStatus(HttpStatus.CREATED);
        Cookie learner = started.getResponse().getCookie("losslens-learner");
        long id = json(started).get("id").asLong();
        assertThat(started.getResponse().getHeader("Location")).isEqualTo("/api/mysteries/" + id);
        PipelineBug bug = PipelineBug.valueOf(jdbc.sql("select bug from mystery where id = ?").param(id)
                .query(String.class).single().toUpperCase().replace('-', '_'));
        PipelineBug other = PipelineBug.values()[(bug.ordinal() + 1) % PipelineBug.values().length];

        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode shown = json(mvc.get().uri("/api/mysteries/" + id).cookie(learner).exchange());
        while (!shown.get("evidence").get("ended").asBoolean() && Instant.now().isBefore(deadline)) {
            assertThat(answer(id, bug.key(), learner)).as("answered while training").hasStatus(HttpStatus.CONFLICT);
            Thread.sleep(500);
            shown = json(mvc.get().uri("/api/mysteries/" + id).cookie(learner).exchange());
        }
        assertThat(shown.get("yours").asBoolean()).isTrue();
        assertThat(shown.get("verdict").isNull()).isTrue();
        for (String api : new String[] {shown.toString(), json(mvc.get().uri("/api/comparisons/"
                + shown.get("run").asLong()).exchange()).toString()}) {
            assertThat(api).doesNotContain(bug.key(), title(bug));
        }
        String page = mvc.get().uri("/mysteries/" + id).cookie(learner).exchange().getResponse().getContentAsString();
        String besideTheOptions = page.substring(0, page.indexOf("<fieldset")) + page.substring(page.indexOf("</fieldset>"));
        assertThat(besideTheOptions).doesNotContain(bug.key(), title(bug)).contains("with a hidden bug");
        assertThat(page).doesNotContain(bug.key());

        Cookie stranger = new Cookie("losslens-learner", "a-stranger-s-secret-0123456789abcdefghijklmn");
        assertThat(answer(id, bug.key(), stranger)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(answer(id, bug.key())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/mysteries/" + id).cookie(stranger).exchange()).bodyText()
                .contains("This mystery belongs to someone else").doesNotContain(title(bug), "Name the bug");
        MvcTestResult wrongKey = answer(id, "off-by-two", learner);
        assertThat(wrongKey).hasStatus(HttpStatus.BAD_REQUEST).hasContentType("application/problem+json");
        assertThat(json(wrongKey).get("field").asString()).isEqualTo("bug");
        assertThat(answer(id + 1000, bug.key(), learner)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/mysteries/nope")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/mysteries/" + id + "/answer").cookie(learner)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("choice", "0"))
                .as("the page's form without its CSRF token").hasStatus(HttpStatus.FORBIDDEN);

        // the same learner answering from several tabs at once: the database takes one answer
        ExecutorService tabs = Executors.newFixedThreadPool(4);
        List<Future<MvcTestResult>> answers = new ArrayList<>();
        for (int tab = 0; tab < 4; tab++) {
            answers.add(tabs.submit(() -> answer(id, other.key(), learner)));
        }
        List<MvcTestResult> results = new ArrayList<>();
        for (Future<MvcTestResult> answered : answers) {
            results.add(answered.get());
        }
        tabs.shutdown();
        assertThat(results).extracting(result -> result.getResponse().getStatus())
                .containsOnlyOnce(200).containsOnly(200, 409);
        MvcTestResult named = results.stream().filter(result -> result.getResponse().getStatus() == 200).findFirst()
                .orElseThrow();
        assertThat(jdbc.sql("select count(*) from quiz_answer where learner_hash = ?")
                .param(Learner.of(learner.getValue()).hash()).query(Integer.class).single())
                .as("one answer counted").isEqualTo(1);
        JsonNode verdict = json(named).get("verdict");
        assertThat(verdict.get("correct").asBoolean()).isFalse();
        assertThat(verdict.get("reveal").get("key").asString()).isEqualTo(bug.key());
        assertThat(verdict.get("reveal").get("reports").get(0).asString()).startsWith("https://github.com/");
        assertThat(answer(id, bug.key(), learner)).as("a second answer").hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.post().with(csrf()).uri("/mysteries/" + id + "/answer").cookie(learner)
                .param("choice", String.valueOf(bug.ordinal()))).hasStatus(HttpStatus.CONFLICT).bodyText()
                .contains("a mystery takes one answer");
        assertThat(mvc.get().uri("/mysteries/" + id).cookie(learner).exchange()).bodyText()
                .contains("the bug is “" + title(bug) + "”", "The check that would have caught it");
        assertThat(json(mvc.get().uri("/api/mysteries/" + id).exchange()).get("verdict").isNull())
                .as("the bug only to its learner").isTrue();
        assertThat(json(mvc.get().uri("/api/quiz/concepts").cookie(learner).exchange()).findValues("mastery")
                .stream().filter(m -> !m.isNull()).toList()).singleElement()
                .satisfies(m -> assertThat(m.get("answered").asInt()).isEqualTo(1));
    }

    @Test
    void theLabAndTheCoursePathStartOneWithTheirForms() {
        assertThat(mvc.get().uri("/runs/new")).bodyText().contains("action=\"/mysteries\"", "A mystery run");
        MvcTestResult started = mvc.post().with(csrf()).uri("/mysteries").exchange();
        assertThat(started.getResponse().getRedirectedUrl()).matches("/mysteries/\\d+");
        assertThat(mvc.post().uri("/mysteries").contentType(MediaType.APPLICATION_FORM_URLENCODED))
                .as("without its CSRF token").hasStatus(HttpStatus.FORBIDDEN);
    }
}
