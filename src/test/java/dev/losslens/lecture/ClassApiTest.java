package dev.losslens.lecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.losslens.system.rejection.TooManyRequestsException;
import dev.losslens.system.web.SecretCookie;
import jakarta.servlet.http.Cookie;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Class polls through the API: one vote per participant kept by the database, the presenter's control, bad input. The
 * lecture tests' own database, so the presets a session prepares never join another test's runs.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:lecture;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class ClassApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PREDICT = "predict-lowest-response";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClassStream stream;

    @Autowired
    ClassService classes;

    @Autowired
    LectureProperties limits;

    private record Session(String code, Cookie presenter) {
    }

    private Session open() {
        MvcTestResult opened = mvc.post().with(csrf()).uri("/api/classes").exchange();
        assertThat(opened).hasStatus(201);
        return new Session(json(opened).get("code").asString(), opened.getResponse().getCookie("losslens-presenter"));
    }

    private static JsonNode json(MvcTestResult result) {
        try {
            return JSON.readTree(result.getResponse().getContentAsString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MvcTestResult control(Session session, Cookie presenter, String body) {
        var request = mvc.post().with(csrf()).uri("/api/classes/" + session.code() + "/control")
                .contentType(MediaType.APPLICATION_JSON).content(body);
        return presenter == null ? request.exchange() : request.cookie(presenter).exchange();
    }

    private static Cookie participant() {
        return new Cookie("losslens-participant", SecretCookie.generate());
    }

    private int vote(String code, Cookie participant, String body) {
        return mvc.post().with(csrf()).uri("/api/classes/" + code + "/votes").cookie(participant)
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange().getResponse().getStatus();
    }

    private JsonNode poll(String code) {
        return json(mvc.get().uri("/api/classes/" + code).exchange()).get("poll");
    }

    private static String choice(int choice) {
        return "{\"question\": \"%s\", \"choice\": %d}".formatted(PREDICT, choice);
    }

    @Test
    void eachParticipantHasOneVoteThatChangesUntilThePollIsLocked() throws Exception {
        Session session = open();
        assertThat(control(session, session.presenter(), "{\"action\": \"go\", \"step\": 4}")).hasStatusOk();

        Cookie same = participant();
        List<Cookie> class30 = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            class30.add(participant());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> votes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int option = i % 2;
            votes.add(pool.submit(() -> {
                start.await();
                return vote(session.code(), same, choice(option));
            }));
        }
        for (int i = 0; i < class30.size(); i++) {
            Cookie student = class30.get(i);
            int option = i % 2;
            votes.add(pool.submit(() -> {
                start.await();
                return vote(session.code(), student, choice(option));
            }));
        }
        start.countDown();
        for (Future<Integer> answer : votes) {
            assertThat(answer.get()).isEqualTo(204);
        }
        pool.shutdown();
        assertThat(poll(session.code()).get("answered").asInt()).as("16 at once from one phone count once").isEqualTo(31);
        assertThat(poll(session.code()).get("results").isNull()).as("no results before reveal").isTrue();

        assertThat(vote(session.code(), class30.get(0), choice(1))).as("a changed answer").isEqualTo(204);
        assertThat(control(session, session.presenter(), "{\"action\": \"lock\"}")).hasStatusOk();
        assertThat(vote(session.code(), class30.get(1), choice(0))).as("after the lock").isEqualTo(409);
        assertThat(vote(session.code(), participant(), choice(0))).as("a newcomer after the lock").isEqualTo(409);
        assertThat(control(session, session.presenter(), "{\"action\": \"reveal\"}")).hasStatusOk();
        JsonNode results = poll(session.code()).get("results");
        assertThat(results.get("counts").get(0).asInt() + results.get("counts").get(1).asInt()).isEqualTo(31);
        assertThat(results.get("counts").get(1).asInt()).as("15 odd students, the changed one, and maybe the phone")
                .isBetween(16, 17);

        String csv = mvc.get().uri("/api/classes/" + session.code() + "/results.csv").cookie(session.presenter())
                .exchange().getResponse().getContentAsString();
        assertThat(csv).startsWith("question,state,round,option,answers,right,median\r\n")
                .contains("\r\n" + PREDICT + ",revealed,1,").doesNotContain("participant");

        assertThat(control(session, session.presenter(), "{\"action\": \"reset\"}")).hasStatusOk();
        assertThat(poll(session.code()).get("answered").asInt()).isZero();
        assertThat(poll(session.code()).get("state").asString()).isEqualTo("open");
    }

    @Test
    void aHallOfScreensIsServedByOnePublisherPerSession() {
        Session session = open();
        Session other = open();
        int before = stream.publishers();
        List<SseEmitter> screens = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            screens.add(stream.subscribe(classes.session(session.code()), "phone " + i, "10.0.0.1"));
        }
        screens.add(stream.subscribe(classes.session(other.code()), "projector", "10.0.0.2"));
        assertThat(stream.publishers() - before).as("51 screens on two sessions").isEqualTo(2);
        screens.forEach(SseEmitter::complete);
    }

    @Test
    void aNumberQuestionShowsItsHistogramAndMedianOnlyOnceRevealedAndRacesTheClasssLambdas() {
        Session session = open();
        assertThat(control(session, session.presenter(), "{\"action\": \"crowd\"}")).as("not the λ step")
                .hasStatus(409);
        assertThat(control(session, session.presenter(), "{\"action\": \"go\", \"step\": 8}")).hasStatusOk();
        assertThat(control(session, session.presenter(), "{\"action\": \"crowd\"}")).as("no answers yet")
                .hasStatus(409);
        for (String lambda : List.of("0", "0.1", "0.1", "1", "0.01")) {
            assertThat(vote(session.code(), participant(),
                    "{\"question\": \"pick-lambda\", \"number\": " + lambda + "}")).isEqualTo(204);
        }
        for (String bad : List.of("-0.1", "1.5", "\"NaN\"", "null", "\"abc\"")) {
            assertThat(vote(session.code(), participant(), "{\"question\": \"pick-lambda\", \"number\": " + bad + "}"))
                    .as("number %s", bad).isEqualTo(400);
        }
        assertThat(poll(session.code()).get("results").isNull()).isTrue();
        assertThat(control(session, session.presenter(), "{\"action\": \"reveal\"}")).hasStatusOk();
        JsonNode results = poll(session.code()).get("results");
        assertThat(results.get("median").asDouble()).isEqualTo(0.1);
        assertThat(results.get("counts").get(0).asInt()).as("0 and 0.01 in the first bin").isEqualTo(2);
        assertThat(results.get("counts").get(1).asInt()).as("0.1 twice in the second").isEqualTo(2);
        assertThat(results.get("counts").get(9).asInt()).as("1 in the last").isEqualTo(1);
        assertThat(results.get("labels").get(0).asString()).isEqualTo("0–0.1");

        JsonNode crowd = json(control(session, session.presenter(), "{\"action\": \"crowd\"}"));
        JsonNode run = json(mvc.get().uri("/api/comparisons/" + crowd.get("crowdRun").asLong()).exchange());
        assertThat(run.get("lanes").valueStream().map(lane -> lane.get("promptWeight").asDouble()))
                .as("the 10th, 50th and 90th percentile of 0, 0.01, 0.1, 0.1, 1").containsExactly(0.0, 0.1, 1.0);
        assertThat(mvc.post().with(csrf()).uri("/api/comparisons/" + run.get("id").asLong() + "/cancel")
                .header("X-Owner-Token", session.presenter().getValue()).exchange())
                .as("the presenter who started the crowd race can stop it").hasStatus(202);
    }

    @Test
    void badInputIsAClear4xxAndChangesNothing() throws Exception {
        Session session = open();
        control(session, session.presenter(), "{\"action\": \"go\", \"step\": 4}");
        Cookie student = participant();
        assertThat(vote(session.code(), student, choice(0))).isEqualTo(204);

        assertThat(mvc.get().uri("/api/classes/AAAAA").exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/api/classes/{code}", "<b>x").exchange()).hasStatus(400);
        assertThat(vote("AAAAA", student, choice(0))).as("unknown code").isEqualTo(404);
        assertThat(vote(session.code(), student, choice(2))).as("out of range").isEqualTo(400);
        assertThat(vote(session.code(), student, choice(-1))).as("negative").isEqualTo(400);
        assertThat(vote(session.code(), student, "{\"question\": \"" + PREDICT + "\"}")).as("no choice").isEqualTo(400);
        assertThat(vote(session.code(), student, "{\"question\": \"nope\", \"choice\": 0}")).isEqualTo(404);
        assertThat(vote(session.code(), student, "{\"question\": \"whole-entire-sequence\", \"choice\": 0}"))
                .as("a question of a step not shown yet").isEqualTo(409);
        assertThat(vote(session.code(), student, "{\"question\": ")).as("malformed JSON").isEqualTo(400);
        assertThat(vote(session.code(), student, "{\"question\": \"<img src=x onerror=alert(1)>\", \"choice\": 0}"))
                .isEqualTo(404);

        assertThat(control(session, null, "{\"action\": \"next\"}")).hasStatus(403);
        Session other = open();
        assertThat(control(session, other.presenter(), "{\"action\": \"lock\"}")).as("another session's presenter")
                .hasStatus(403);
        assertThat(control(session, session.presenter(), "{\"action\": \"explode\"}")).hasStatus(400);
        assertThat(control(session, session.presenter(), "{\"action\": \"go\", \"step\": 99}")).hasStatus(400);
        assertThat(control(session, session.presenter(), "{\"action\": \"go\"}")).hasStatus(400);
        assertThat(mvc.get().uri("/api/classes/" + session.code() + "/results.csv").exchange()).hasStatus(403);
        assertThat(mvc.get().uri("/lecture/" + session.code()).exchange()).hasStatus(403);
        assertThat(mvc.post().with(csrf()).uri("/lecture/" + session.code() + "/pairing").cookie(other.presenter())
                .exchange()).as("a pairing code for another session's presenter").hasStatus(403);
        assertThat(vote(session.code(), student, "{}")).as("a vote naming no question").isEqualTo(400);
        assertThat(vote(session.code(), student, "{\"question\": null, \"choice\": 0}")).isEqualTo(400);
        JsonNode poll = poll(session.code());
        assertThat(poll.get("answered").asInt()).isEqualTo(1);
        assertThat(poll.get("state").asString()).isEqualTo("open");
        assertThat(json(mvc.get().uri("/api/classes/" + session.code()).exchange()).get("step").asInt()).isEqualTo(4);

        jdbc.sql("update class_session set expires_at = ? where code = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), session.code()).update();
        assertThat(mvc.get().uri("/api/classes/" + session.code()).exchange()).as("expired").hasStatus(404);
        assertThat(vote(session.code(), student, choice(1))).as("a vote on an expired session").isEqualTo(404);
        MvcTestResult page = mvc.get().uri("/join?code=" + session.code()).exchange();
        assertThat(page).hasStatus(404);
        assertThat(page.getResponse().getContentAsString()).contains("No class session has the code " + session.code());
        MvcTestResult lookAlike = mvc.get().uri("/join").param("code", "abc12").exchange();
        assertThat(lookAlike).as("well formed, but no session has it").hasStatus(404);
        assertThat(lookAlike.getResponse().getContentAsString()).contains("No class session has the code ABC12")
                .doesNotContain("A join code is");
        MvcTestResult malformed = mvc.get().uri("/join").param("code", "abc1").exchange();
        assertThat(malformed).hasStatus(400);
        assertThat(malformed.getResponse().getContentAsString()).contains("A join code is 5 letters and digits");
        MvcTestResult hostile = mvc.get().uri("/join").param("code", "<script>alert(1)</script>").exchange();
        assertThat(hostile).hasStatus(400);
        assertThat(hostile.getResponse().getContentAsString()).doesNotContain("<script>alert(1)");
    }

    private MvcTestResult go(Session session, int step) {
        return control(session, session.presenter(), "{\"action\": \"go\", \"step\": %d}".formatted(step));
    }

    @Test
    void theShippedDeckRunsStartToEndBackAndAgainWithPollsKeptAndTheRevealClosed() throws Exception {
        Session session = open();
        int steps = json(mvc.get().uri("/api/classes/" + session.code()).exchange()).get("steps").asInt();
        for (int step = 1; step < steps; step++) {
            assertThat(control(session, session.presenter(), "{\"action\": \"next\"}")).as("next to %d", step)
                    .hasStatusOk();
        }
        for (int step = steps - 2; step >= 0; step--) {
            assertThat(control(session, session.presenter(), "{\"action\": \"back\"}")).as("back to %d", step)
                    .hasStatusOk();
        }
        assertThat(go(session, 4)).hasStatusOk();
        assertThat(poll(session.code()).get("state").asString()).as("passing the reveal closed the poll")
                .isEqualTo("locked");
        assertThat(control(session, session.presenter(), "{\"action\": \"reopen\"}")).hasStatusOk();
        Cookie student = participant();
        assertThat(vote(session.code(), student, choice(1))).isEqualTo(204);
        assertThat(go(session, 4)).as("the poll step chosen again").hasStatusOk();
        assertThat(go(session, 5)).hasStatusOk();
        assertThat(vote(session.code(), participant(), choice(0))).as("a poll no longer on screen").isEqualTo(409);
        assertThat(go(session, 6)).as("the reveal asks the step-4 question again").hasStatusOk();
        assertThat(poll(session.code()).get("state").asString()).as("answers close with the outcome on screen")
                .isEqualTo("locked");
        assertThat(vote(session.code(), student, choice(0))).isEqualTo(409);
        assertThat(control(session, session.presenter(), "{\"action\": \"reopen\"}")).as("reopen on the reveal")
                .hasStatus(409);
        assertThat(control(session, session.presenter(), "{\"action\": \"reveal\"}")).hasStatusOk();
        assertThat(go(session, 6)).as("the reveal chosen again").hasStatusOk();
        assertThat(go(session, 4)).as("back to the poll").hasStatusOk();
        assertThat(poll(session.code()).get("state").asString()).as("a poll keeps its state").isEqualTo("revealed");
        assertThat(poll(session.code()).get("answered").asInt()).as("and its votes").isEqualTo(1);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> moves = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int step = List.of(4, 6, 7, 8).get(i % 4);
            moves.add(pool.submit(() -> {
                start.await();
                return go(session, step).getResponse().getStatus();
            }));
        }
        start.countDown();
        for (Future<Integer> move : moves) {
            assertThat(move.get()).as("go requests at the same moment").isEqualTo(200);
        }
        pool.shutdown();
        assertThat(jdbc.sql("select count(*) from class_poll p join class_session s on s.id = p.session_id "
                + "where s.code = ?").param(session.code()).query(Integer.class).single())
                .as("one poll per question").isEqualTo(4);
    }

    @Test
    void aCrowdRaceNeedsTwoDifferentValuesAndEachPresenterHasTheirOwnAllowance() {
        Session alone = open();
        assertThat(go(alone, 8)).hasStatusOk();
        assertThat(vote(alone.code(), participant(), "{\"question\": \"pick-lambda\", \"number\": -0}"))
                .isEqualTo(204);
        MvcTestResult one = control(alone, alone.presenter(), "{\"action\": \"crowd\"}");
        assertThat(one).as("one answer: every percentile is the same λ").hasStatus(409);
        assertThat(json(one).get("detail").asString()).contains("two different values").doesNotContain("lanes");
        assertThat(control(alone, alone.presenter(), "{\"action\": \"reveal\"}")).hasStatusOk();
        assertThat(Double.compare(poll(alone.code()).get("results").get("median").asDouble(), 0.0))
                .as("a lone −0 answer has the median 0, not −0").isZero();

        List<Long> runs = new ArrayList<>();
        for (int presenter = 0; presenter < 4; presenter++) {
            Session session = open();
            assertThat(go(session, 8)).hasStatusOk();
            for (String lambda : List.of("0.1", "0.1", "0.1", "0.3" + presenter)) {
                assertThat(vote(session.code(), participant(),
                        "{\"question\": \"pick-lambda\", \"number\": " + lambda + "}")).isEqualTo(204);
            }
            MvcTestResult crowd = control(session, session.presenter(), "{\"action\": \"crowd\"}");
            assertThat(crowd).as("presenter %d of four", presenter).hasStatusOk();
            long run = json(crowd).get("crowdRun").asLong();
            runs.add(run);
            JsonNode lanes = json(mvc.get().uri("/api/comparisons/" + run).exchange()).get("lanes");
            assertThat(lanes.valueStream().map(lane -> lane.get("promptWeight").asDouble()))
                    .as("10th and 50th percentile coincide: two lanes").containsExactly(0.1, Double.parseDouble("0.3" + presenter));
            assertThat(mvc.post().with(csrf()).uri("/api/comparisons/" + run + "/cancel")
                    .header("X-Owner-Token", session.presenter().getValue()).exchange()).hasStatus(202);
        }
        assertThat(runs).doesNotHaveDuplicates();
    }

    /** The presenter view asks for a pairing code; returns it as shown (six digits), or fails the test. */
    private String pairingCode(Session session) throws Exception {
        MvcTestResult shown = mvc.post().with(csrf()).uri("/lecture/" + session.code() + "/pairing")
                .cookie(session.presenter()).exchange();
        assertThat(shown).hasStatusOk();
        Matcher code = Pattern.compile("class=\"pairing-code\">(\\d{6})<").matcher(shown.getResponse().getContentAsString());
        assertThat(code.find()).as("a pairing code on the presenter view").isTrue();
        return code.group(1);
    }

    private MvcTestResult typeOnPhone(Session session, String pairing, Cookie... phone) {
        var typed = mvc.post().with(csrf()).uri("/lecture/" + session.code() + "/remote")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("pairing=" + pairing);
        return (phone.length == 0 ? typed : typed.cookie(phone)).exchange();
    }

    @Test
    void aPhonePairsWithASingleUseCodeAndNoKeyEverTravelsInALink() throws Exception {
        Session session = open();
        MvcTestResult page = mvc.get().uri("/lecture/" + session.code() + "/remote").exchange();
        assertThat(page).hasStatusOk();
        assertThat(page.getResponse().getContentAsString()).contains("Pairing code", "Pair this phone");
        assertThat(page.getResponse().getHeaders("Set-Cookie")).as("reading the pairing page gives no key")
                .noneMatch(cookie -> cookie.startsWith("losslens-presenter="));
        MvcTestResult presenterView = mvc.get().uri("/lecture/" + session.code() + "/presenter")
                .cookie(session.presenter()).exchange();
        assertThat(presenterView.getResponse().getContentAsString()).doesNotContain(session.presenter().getValue());
        assertThat(mvc.post().with(csrf()).uri("/lecture/" + session.code() + "/pairing").exchange())
                .as("only a presenter gets pairing codes").hasStatus(403);

        String code = pairingCode(session);
        MvcTestResult paired = typeOnPhone(session, code);
        assertThat(paired).hasStatus(302);
        Cookie phone = paired.getResponse().getCookie("losslens-presenter");
        assertThat(phone.getValue()).as("the phone's own key, not the opener's").isNotEqualTo(session.presenter().getValue());
        assertThat(go(new Session(session.code(), phone), 1)).as("the phone steers").hasStatusOk();
        MvcTestResult again = typeOnPhone(session, code);
        assertThat(again).as("a code works once").hasStatus(403);
        assertThat(again.getResponse().getContentAsString()).contains("wrong, used already or older than 5 minutes");

        Session lecturersOwn = open();
        assertThat(typeOnPhone(session, pairingCode(session), lecturersOwn.presenter())).hasStatus(302);
        assertThat(go(lecturersOwn, 1)).as("a browser that presents its own session keeps it").hasStatusOk();
        assertThat(go(new Session(session.code(), lecturersOwn.presenter()), 2)).as("and steers this one too")
                .hasStatusOk();

        String once = pairingCode(session);
        ExecutorService phones = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> atOnce = new ArrayList<>();
            for (int typing = 0; typing < 2; typing++) {
                atOnce.add(phones.submit(() -> typeOnPhone(session, once).getResponse().getStatus()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> typed : atOnce) {
                statuses.add(typed.get());
            }
            assertThat(statuses).as("one code typed on two phones at the same instant").containsExactlyInAnyOrder(302, 403);
        } finally {
            phones.shutdownNow();
        }

        String guessedAt = pairingCode(session);
        for (int guess = 0; guess < PresenterKeys.MAX_ATTEMPTS; guess++) {
            String wrong = String.format("%06d", (Integer.parseInt(guessedAt) + 1 + guess) % 1_000_000);
            assertThat(typeOnPhone(session, wrong)).hasStatus(403);
        }
        assertThat(typeOnPhone(session, guessedAt)).as("after five wrong guesses the open code is dead").hasStatus(403);
        assertThat(typeOnPhone(session, "12345x")).hasStatus(403);
    }

    @Test
    void crossSiteWritesAreRefusedAsProblems() throws Exception {
        Session session = open();
        for (String path : List.of("/api/classes", "/api/classes/" + session.code() + "/votes",
                "/api/classes/" + session.code() + "/control", "/api/quiz/items/x/answers")) {
            MvcTestResult refused = mvc.post().with(csrf()).uri(path).header("Origin", "https://elsewhere.example")
                    .contentType(MediaType.APPLICATION_JSON).content("{}").exchange();
            assertThat(refused).as(path).hasStatus(403);
            assertThat(refused.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            JsonNode problem = json(refused);
            assertThat(problem.get("status").asInt()).isEqualTo(403);
            assertThat(problem.get("field").asString()).isEqualTo("Origin");
            assertThat(problem.get("detail").asString()).startsWith("Cross-site writes are refused");
        }
        MvcTestResult forget = mvc.delete().uri("/api/quiz/progress").header("Sec-Fetch-Site", "cross-site").exchange();
        assertThat(forget).hasStatus(403);
        assertThat(json(forget).get("field").asString()).isEqualTo("Sec-Fetch-Site");
    }

    @Test
    void sessionsAreCappedPerAddressAtTheSameMomentAndForgottenAWhileAfterTheyEnd() throws Exception {
        String address = "10.20.30." + (int) (Math.random() * 200);
        int cap = limits.maxSessionsPerClient();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> opens = new ArrayList<>();
        for (int i = 0; i < cap + 5; i++) {
            opens.add(pool.submit(() -> {
                start.await();
                return mvc.post().with(csrf()).uri("/api/classes").with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }).exchange().getResponse().getStatus();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> opened : opens) {
            statuses.add(opened.get());
        }
        pool.shutdown();
        assertThat(statuses.stream().filter(status -> status == 201)).as("opened").hasSize(cap);
        assertThat(statuses.stream().filter(status -> status == 429)).as("refused").hasSize(5);
        assertThat(jdbc.sql("select count(*) from class_session where opened_by = ?").param(address)
                .query(Integer.class).single()).isEqualTo(cap);

        jdbc.sql("update class_session set expires_at = ? where opened_by = ?")
                .params(Timestamp.from(Instant.now().minus(limits.keepEnded()).minusSeconds(60)), address).update();
        assertThat(open().code()).as("ended sessions leave the allowance").isNotBlank();
        assertThat(jdbc.sql("select count(*) from class_session where opened_by = ?").param(address)
                .query(Integer.class).single()).as("and are deleted once kept long enough").isZero();
    }

    @Test
    void oneAddressCannotHoldEveryClassStreamButAHallBehindOneNatGetsIn() {
        Session session = open();
        Session other = open();
        List<SseEmitter> screens = new ArrayList<>();
        int perAddress = limits.maxStreamsPerClient();
        for (int i = 0; i < perAddress; i++) {
            screens.add(stream.subscribe(classes.session((i % 2 == 0 ? session : other).code()), "phone " + i,
                    "192.0.2.1"));
        }
        assertThatThrownBy(() -> stream.subscribe(classes.session(session.code()), "one more phone", "192.0.2.1"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> assertThat(e.rejections().get(0).code())
                        .isEqualTo("streams.class.address"));
        screens.add(stream.subscribe(classes.session(session.code()), "one more phone", "192.0.2.2"));
        screens.forEach(SseEmitter::complete);

        List<SseEmitter> tabs = new ArrayList<>();
        for (int i = 0; i < limits.maxStreamsPerPerson(); i++) {
            tabs.add(stream.subscribe(classes.session(session.code()), "one browser", "192.0.2.3"));
        }
        assertThatThrownBy(() -> stream.subscribe(classes.session(session.code()), "one browser", "192.0.2.3"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> assertThat(e.rejections().get(0).code())
                        .isEqualTo("streams.class.person"));
        tabs.forEach(SseEmitter::complete);
    }

    @Test
    void theLecturerIsWarnedWhileJoinLinksReachOnlyThisMachine() throws Exception {
        String page = mvc.get().uri("/lecture").exchange().getResponse().getContentAsString();
        assertThat(page).as("the tests' public URL is the default, http://localhost:8080")
                .contains("Students cannot open the join link yet", "LOSSLENS_PUBLIC_URL");
        Session session = open();
        assertThat(mvc.get().uri("/lecture/" + session.code() + "/presenter").cookie(session.presenter()).exchange()
                .getResponse().getContentAsString()).contains("Students cannot open the join link yet");
    }
}
