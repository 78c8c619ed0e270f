package dev.losslens.lecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.losslens.account.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An instructor reads their class's results and nobody else's: each poll's histogram and share right, the question
 * across sessions, kept after the session ends; the quiz's mastery across learners as anonymous aggregates; CSV.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:lecture;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class ClassResultsTest {

    /** The deck's true/false step, whose right answer the bank knows. */
    private static final int TRUE_FALSE_STEP = 7;
    private static final String TRUE_FALSE = "whole-entire-sequence";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    private static RequestPostProcessor instructor(String name) {
        return user(name).roles(Role.INSTRUCTOR.name());
    }

    private String openAs(String name) throws Exception {
        MvcTestResult opened = mvc.post().uri("/api/classes").with(instructor(name)).with(csrf()).exchange();
        assertThat(opened).hasStatus(201);
        Matcher code = Pattern.compile("\"code\":\"([A-Z0-9]{5})\"").matcher(opened.getResponse().getContentAsString());
        assertThat(code.find()).isTrue();
        assertThat(mvc.post().uri("/api/classes/" + code.group(1) + "/control").with(instructor(name)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"action\": \"go\", \"step\": %d}"
                        .formatted(TRUE_FALSE_STEP)).exchange()).hasStatusOk();
        return code.group(1);
    }

    private void vote(String code, int choice) {
        assertThat(mvc.post().uri("/api/classes/" + code + "/votes").contentType(MediaType.APPLICATION_JSON)
                .content("{\"question\": \"%s\", \"choice\": %d}".formatted(TRUE_FALSE, choice)).exchange())
                .hasStatus(204);
    }

    @Test
    void anInstructorReadsTheirOwnSessionsResultsAfterItEndsAndNobodyElseCan() throws Exception {
        String code = openAs("ana");
        vote(code, 0);
        vote(code, 1);
        vote(code, 1);
        String other = openAs("ben");

        String index = mvc.get().uri("/instructor/results").with(instructor("ana")).exchange().getResponse()
                .getContentAsString();
        assertThat(index).contains(code).doesNotContain(other);
        assertThat(mvc.get().uri("/instructor/results").with(user("root").roles(Role.ADMINISTRATOR.name()))
                .exchange().getResponse().getContentAsString()).contains(code, other);

        MvcTestResult page = mvc.get().uri("/instructor/results/" + code).with(instructor("ana")).exchange();
        assertThat(page).hasStatusOk();
        // option 1, "False", is right: two of three chose it
        assertThat(page.getResponse().getContentAsString()).contains("3 answers", "67 % chose the right answer");
        assertThat(index).contains("67 % right of 3");
        assertThat(mvc.get().uri("/instructor/results/" + code).with(instructor("ben")).exchange()).hasStatus(403);
        assertThat(mvc.get().uri("/instructor/results/" + code).exchange()).hasStatus(302);
        assertThat(mvc.get().uri("/instructor/results/NOPE1").with(instructor("ana")).exchange()).hasStatus(404);

        MvcTestResult csv = mvc.get().uri("/instructor/results/" + code + "/polls.csv").with(instructor("ana")).exchange();
        assertThat(csv.getResponse().getContentAsString()).startsWith("question,state,round,option,answers,right,median\r\n")
                .contains(TRUE_FALSE + ",open,1,");
        assertThat(jdbc.sql("select count(*) from audit_event where actor = 'ana' and action = 'export-class-results'")
                .query(Integer.class).single()).isPositive();

        jdbc.sql("update class_session set expires_at = ? where code = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(30 * 86_400)), code).update();
        assertThat(mvc.post().uri("/api/classes").exchange()).as("opening a session forgets ended ones").hasStatus(201);
        assertThat(mvc.get().uri("/instructor/results/" + code).with(instructor("ana")).exchange())
                .as("an instructor's session, ended a month ago").hasStatusOk();
    }

    @Test
    void quizMasteryIsAnAnonymousAggregateAcrossLearners() throws Exception {
        for (int learner = 0; learner < 2; learner++) {
            assertThat(mvc.post().uri("/api/quiz/items/whole-entire-sequence/answers")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"truth\": true, \"reason\": 0}").exchange()).hasStatusOk();
        }
        String page = mvc.get().uri("/instructor/results").with(instructor("ana")).exchange().getResponse()
                .getContentAsString();
        assertThat(page).contains("Quiz mastery across learners").doesNotContain("learner_hash");
        MvcTestResult csv = mvc.get().uri("/instructor/results/mastery.csv").with(instructor("ana")).exchange();
        String rows = csv.getResponse().getContentAsString();
        assertThat(rows).startsWith("concept,title,learners,mean_share_right,mastered\r\n");
        // both answered wrong ("true" is wrong): nobody has mastered it, and the mean share counts every learner
        Matcher concept = Pattern.compile("whole-sequence-misconception,Not the whole sequence,(\\d+),([0-9.]+),0\r\n")
                .matcher(rows);
        assertThat(concept.find()).as(rows).isTrue();
        assertThat(Integer.parseInt(concept.group(1))).isGreaterThanOrEqualTo(2);
        assertThat(Double.parseDouble(concept.group(2))).isLessThan(1);
        assertThat(mvc.get().uri("/instructor/results/mastery.csv").exchange()).hasStatus(302);
    }
}
