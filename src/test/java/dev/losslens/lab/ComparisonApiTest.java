package dev.losslens.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.losslens.comparison.ComparisonConfig;
import dev.losslens.comparison.ComparisonRequest;
import dev.losslens.comparison.ComparisonService;
import dev.losslens.comparison.ComparisonStatus;
import dev.losslens.comparison.ComparisonStore;
import dev.losslens.comparison.OwnerSecret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The comparison API against the real trainer of this test context, which trains queued comparisons on its own
 * thread. Every test leaves the queue empty (see {@link #queueDrains()}), so no training outlives it.
 */
// one trainer with room for one comparison at a time, so that a second one waits in the queue as under a full class
@SpringBootTest(properties = {"losslens.training.trainer-threads=1", "losslens.training.max-training-parameters=5500000"})
@AutoConfigureMockMvc
class ComparisonApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** This test's client; another client's secret or none cannot cancel its runs. */
    private static final OwnerSecret OWNER = OwnerSecret.generate();
    private static final Duration TRAINING_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> METRIC_FIELDS =
            List.of("step", "trainLoss", "responseNll", "promptNll", "fullNll", "exactMatch", "drift");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ComparisonService comparisons;

    @Autowired
    ComparisonStore store;

    /** A short two-lane comparison: 20 steps, a point every 10, batch 8; the seed keeps tests apart. */
    private static Map<String, Object> config(long seed) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("dataset", "capitals");
        config.put("model", "tiny");
        config.put("steps", 20);
        config.put("learningRate", 1e-3);
        config.put("batchSize", 8);
        config.put("seed", seed);
        config.put("evalEvery", 10);
        config.put("lanes", List.of(lane("pretraining", null, "scratch"), lane("instruction", null, "scratch")));
        return config;
    }

    private static Map<String, Object> spanned(String objective, Object answerSpan) {
        Map<String, Object> lane = lane(objective, null, "scratch");
        lane.put("answerSpan", answerSpan);
        return lane;
    }

    private static Map<String, Object> bugged(String objective, Object bug) {
        Map<String, Object> lane = lane(objective, objective.equals("weighted") ? 0.5 : null, "scratch");
        lane.put("bug", bug);
        return lane;
    }

    private static Map<String, Object> lane(String objective, Object promptWeight, String init) {
        Map<String, Object> lane = new LinkedHashMap<>();
        lane.put("objective", objective);
        if (promptWeight != null) {
            lane.put("promptWeight", promptWeight);
        }
        lane.put("init", init);
        return lane;
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> config = config(1);
        if (value == null) {
            config.remove(field);
        } else {
            config.put(field, value);
        }
        return config;
    }

    private MvcTestResult submit(Object body) {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        return mvc.post().uri("/api/comparisons").header(OwnerCookie.HEADER, OWNER.value())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private MvcTestResult get(Object id) {
        return mvc.get().uri("/api/comparisons/{id}", id).exchange();
    }

    private MvcTestResult cancel(Object id) {
        return mvc.post().uri("/api/comparisons/{id}/cancel", id).header(OwnerCookie.HEADER, OWNER.value()).exchange();
    }

    private static JsonNode json(MvcTestResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    private JsonNode view(long id) throws Exception {
        MvcTestResult result = get(id);
        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        return json(result);
    }

    private JsonNode awaitView(long id, String what, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + TRAINING_TIMEOUT.toNanos();
        JsonNode view = view(id);
        while (!condition.test(view)) {
            if (System.nanoTime() > deadline) {
                fail("comparison %d: %s not reached within %s; last view %s", id, what, TRAINING_TIMEOUT, view);
            }
            Thread.sleep(100);
            view = view(id);
        }
        return view;
    }

    private static String status(JsonNode view) {
        return view.get("status").asString();
    }

    private static List<Integer> steps(JsonNode lane) {
        List<Integer> steps = new ArrayList<>();
        lane.get("metrics").forEach(point -> steps.add(point.get("step").asInt()));
        return steps;
    }

    private int activeComparisons() {
        return jdbc.sql("select count(*) from comparison where status in ('queued', 'running')")
                .query(Integer.class).single();
    }

    private long comparisons() {
        return jdbc.sql("select count(*) from comparison").query(Long.class).single();
    }

    private long lastId() {
        return jdbc.sql("select coalesce(max(id), 0) from comparison").query(Long.class).single();
    }

    /** The trainer must be idle when a test ends: the next test class may train on this JVM's only collector. */
    @AfterEach
    void queueDrains() throws Exception {
        if (awaitIdle()) {
            return;
        }
        jdbc.sql("select id from comparison where status in ('queued', 'running')").query(Long.class).list()
                .forEach(this::cancel);
        assertThat(awaitIdle()).as("the trainer stops after a cancel").isTrue();
    }

    private boolean awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TRAINING_TIMEOUT.toNanos();
        while (activeComparisons() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    @Test
    void aSubmittedComparisonTrainsToPointsAndCheckpointsAndAnIdenticalOneIsReplayed() throws Exception {
        MvcTestResult submitted = submit(config(101));
        assertThat(submitted).hasStatus(HttpStatus.ACCEPTED).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        JsonNode accepted = json(submitted);
        long id = accepted.get("id").asLong();
        assertThat(accepted.get("outcome").asString()).isEqualTo("queued");
        assertThat(status(accepted)).isIn("queued", "running");
        assertThat(accepted.get("replayOf").isNull()).isTrue();
        assertThat(accepted.get("page").asString()).isEqualTo("/runs/" + id);
        assertThat(submitted.getResponse().getHeader("Location")).isEqualTo("/api/comparisons/" + id);

        JsonNode finished = awaitView(id, "finished", v -> status(v).equals("finished"));
        assertThat(finished.get("stepsDone").asInt()).isEqualTo(20);
        // the run's words are its stored numbers: first and last response NLL of each lane, as shown
        String scoreboard = finished.get("findings").get(0).asString();
        for (JsonNode lane : finished.get("lanes")) {
            JsonNode metrics = lane.get("metrics");
            assertThat(scoreboard).contains(String.format(Locale.ROOT, "%s %.2f → %.2f", lane.get("label").asString(),
                    metrics.get(0).get("responseNll").asDouble(),
                    metrics.get(metrics.size() - 1).get("responseNll").asDouble()));
        }
        assertThat(finished.get("config").get("seed").asLong()).isEqualTo(101);
        JsonNode lanes = finished.get("lanes");
        assertThat(lanes.size()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            JsonNode lane = lanes.get(i);
            assertThat(lane.get("index").asInt()).isEqualTo(i);
            assertThat(lane.get("status").asString()).isEqualTo("finished");
            assertThat(lane.get("divergedAt").isNull()).isTrue();
            assertThat(lane.get("checkpoint").asString()).isEqualTo("run-" + id + "-lane-" + i);
            assertThat(steps(lane)).containsExactly(0, 10, 20);
            for (JsonNode point : lane.get("metrics")) {
                int step = point.get("step").asInt();
                assertThat(point.propertyNames()).as("lane %d step %d", i, step).containsAll(METRIC_FIELDS);
                for (String nll : List.of("responseNll", "promptNll", "fullNll")) {
                    assertThat(point.get(nll).isNumber()).isTrue();
                    assertThat(point.get(nll).asDouble()).as("%s at %d", nll, step).isPositive().isFinite();
                }
                assertThat(point.get("exactMatch").asDouble()).isBetween(0.0, 1.0);
                if (step == 0) {
                    assertThat(point.get("trainLoss").isNull()).isTrue();
                    assertThat(point.get("drift").asDouble()).isZero();
                } else {
                    assertThat(point.get("trainLoss").asDouble()).isPositive().isFinite();
                    assertThat(point.get("drift").asDouble()).isPositive();
                }
            }
        }
        assertThat(lanes.get(1).get("metrics").get(0)).as("lanes start from the same weights")
                .isEqualTo(lanes.get(0).get("metrics").get(0));
        assertThat(lanes.get(0).get("objective").asString()).isEqualTo("pretraining");
        assertThat(lanes.get(1).get("objective").asString()).isEqualTo("instruction");
        assertThat(finished.get("generations").size()).isPositive();

        // a lane's final weights open in the explorer
        String checkpoint = lanes.get(1).get("checkpoint").asString();
        MvcTestResult breakdown = mvc.post().uri("/api/breakdown").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("prompt", "Name the capital of Peru.", "response", "It is Lima.",
                        "checkpoint", checkpoint)))
                .exchange();
        assertThat(breakdown).hasStatusOk();
        assertThat(json(breakdown).get("checkpoint").asString()).isEqualTo(checkpoint);

        // the identical config again is answered from the stored result
        long before = comparisons();
        MvcTestResult again = submit(config(101));
        assertThat(again).hasStatus(HttpStatus.ACCEPTED);
        JsonNode replay = json(again);
        long replayId = replay.get("id").asLong();
        assertThat(replay.get("outcome").asString()).isEqualTo("replayed");
        assertThat(replay.get("replayOf").asLong()).isEqualTo(id);
        assertThat(replayId).isNotEqualTo(id);
        assertThat(status(replay)).isEqualTo("finished");
        assertThat(comparisons()).as("a replay is recorded but not trained").isEqualTo(before + 1);
        assertThat(activeComparisons()).isZero();
        JsonNode replayed = view(replayId);
        assertThat(replayed.get("replayOf").asLong()).isEqualTo(id);
        assertThat(replayed.get("lanes")).isEqualTo(lanes);

        // a finished run streams all its points, then says it is done
        for (long stream : List.of(id, replayId)) {
            MvcTestResult events = mvc.get().uri("/api/comparisons/{id}/events", stream)
                    .accept(MediaType.TEXT_EVENT_STREAM).exchange(Duration.ofSeconds(10));
            assertThat(events).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM);
            List<String> names = events.getResponse().getContentAsString().lines()
                    .filter(line -> line.startsWith("event:")).map(line -> line.substring(6).strip()).toList();
            assertThat(names).as("events of #%d", stream).filteredOn("point"::equals).hasSize(6);
            assertThat(names).contains("status").last().isEqualTo("done");
            assertThat(names.indexOf("done")).isGreaterThan(names.lastIndexOf("point"));
        }
    }

    @Test
    void anIdenticalRunningComparisonIsJoinedAndCancellingKeepsWhatItMeasured() throws Exception {
        Map<String, Object> longRun = config(202);
        longRun.put("steps", 400);
        JsonNode first = json(submit(longRun));
        long id = first.get("id").asLong();
        assertThat(first.get("outcome").asString()).isEqualTo("queued");

        MvcTestResult second = submit(longRun);
        assertThat(second).hasStatus(HttpStatus.ACCEPTED);
        JsonNode joined = json(second);
        assertThat(joined.get("outcome").asString()).isEqualTo("joined");
        assertThat(joined.get("id").asLong()).isEqualTo(id);
        assertThat(joined.get("replayOf").isNull()).isTrue();
        assertThat(status(joined)).isIn("queued", "running");

        JsonNode running = awaitView(id, "running with a point after step 0", v -> status(v).equals("running")
                && steps(v.get("lanes").get(1)).stream().anyMatch(step -> step >= 10));
        assertThat(running.get("etaSeconds").asDouble()).isPositive();

        // while it trains, another comparison waits in the queue and can be cancelled at once
        JsonNode waiting = json(submit(config(303)));
        long queuedId = waiting.get("id").asLong();
        assertThat(status(waiting)).isEqualTo("queued");
        assertThat(waiting.get("queuePosition").asInt()).isZero();
        assertThat(waiting.get("etaSeconds").asDouble()).isPositive();
        MvcTestResult cancelledQueued = cancel(queuedId);
        assertThat(cancelledQueued).hasStatus(HttpStatus.ACCEPTED);
        JsonNode dropped = json(cancelledQueued);
        assertThat(status(dropped)).isEqualTo("cancelled");
        for (JsonNode lane : dropped.get("lanes")) {
            assertThat(lane.get("status").asString()).isEqualTo("cancelled");
            assertThat(lane.get("metrics").size()).isZero();
            assertThat(lane.get("checkpoint").isNull()).as("no weights, so nothing to open in the explorer").isTrue();
        }

        // only the client that started a run can stop it; knowing its number is not enough
        MvcTestResult anonymous = mvc.post().uri("/api/comparisons/{id}/cancel", id).exchange();
        MvcTestResult stranger = mvc.post().uri("/api/comparisons/{id}/cancel", id)
                .header(OwnerCookie.HEADER, OwnerSecret.generate().value()).exchange();
        for (MvcTestResult refused : List.of(anonymous, stranger)) {
            assertThat(refused).hasStatus(HttpStatus.FORBIDDEN)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(json(refused).get("field").asString()).isEqualTo("owner");
        }
        assertThat(status(view(id))).isEqualTo("running");

        List<Integer> measured = steps(view(id).get("lanes").get(0));
        assertThat(cancel(id)).hasStatus(HttpStatus.ACCEPTED);
        JsonNode cancelled = awaitView(id, "cancelled", v -> status(v).equals("cancelled"));
        assertThat(cancelled.get("stepsDone").asInt()).isBetween(1, 399);
        assertThat(cancelled.get("message").asString()).containsIgnoringCase("cancel");
        for (JsonNode lane : cancelled.get("lanes")) {
            assertThat(lane.get("status").asString()).isEqualTo("cancelled");
            assertThat(steps(lane)).as("points measured before the cancel are kept").containsAll(measured)
                    .contains(0, 10).doesNotContain(400);
            assertThat(lane.get("checkpoint").asString()).startsWith("run-" + id + "-lane-");
        }
        assertThat(view(queuedId).get("lanes").get(0).get("metrics").size()).as("never trained").isZero();
    }

    static Stream<Arguments> badConfigs() {
        Map<String, Object> sameLanes = with("lanes", List.of(lane("instruction", null, "scratch"),
                lane("instruction", null, "scratch")));
        Map<String, Object> smallBase = with("lanes", List.of(lane("instruction", null, "base"),
                lane("pretraining", null, "scratch")));
        smallBase.put("model", "small");
        return Stream.of(
                Arguments.of(with("dataset", "no-such-dataset"), 404, "dataset"),
                Arguments.of(with("model", "huge"), 400, "model"),
                Arguments.of(with("steps", 0), 400, "steps"),
                Arguments.of(with("steps", 5000), 400, "steps"),
                Arguments.of(with("steps", "abc"), 400, "steps"),
                Arguments.of(with("learningRate", "NaN"), 400, "learningRate"),
                Arguments.of(with("learningRate", 0), 400, "learningRate"),
                Arguments.of(with("learningRate", 5), 400, "learningRate"),
                Arguments.of(with("batchSize", 0), 400, "batchSize"),
                Arguments.of(with("batchSize", 1000), 400, "batchSize"),
                Arguments.of(with("seed", -1), 400, "seed"),
                Arguments.of(with("evalEvery", 0), 400, "evalEvery"),
                Arguments.of(with("evalEvery", 21), 400, "evalEvery"),
                Arguments.of(with("lanes", null), 400, "lanes"),
                Arguments.of(with("lanes", List.of(lane("instruction", null, "scratch"))), 400, "lanes"),
                Arguments.of(with("lanes", List.of(lane("instruction", null, "scratch"), lane("pretraining", null, "scratch"),
                        lane("weighted", 0.1, "scratch"), lane("weighted", 0.5, "scratch"),
                        lane("weighted", 0.9, "scratch"))), 400, "lanes"),
                Arguments.of(sameLanes, 400, "lanes[1]"),
                Arguments.of(with("lanes", List.of(lane("magic", null, "scratch"), lane("instruction", null, "scratch"))),
                        400, "lanes[0].objective"),
                Arguments.of(with("lanes", List.of(lane("instruction", null, "scratch"), lane("weighted", null, "scratch"))),
                        400, "lanes[1].promptWeight"),
                Arguments.of(with("lanes", List.of(lane("instruction", null, "scratch"), lane("weighted", 1.5, "scratch"))),
                        400, "lanes[1].promptWeight"),
                Arguments.of(with("lanes", List.of(lane("instruction", null, "random"), lane("pretraining", null, "scratch"))),
                        400, "lanes[0].init"),
                Arguments.of(smallBase, 400, "lanes[0].init"),
                Arguments.of(with("lanes", List.of(spanned("instruction", "middle-turn"),
                        lane("pretraining", null, "scratch"))), 400, "lanes[0].answerSpan"),
                Arguments.of(with("lanes", List.of(lane("instruction", null, "scratch"),
                        bugged("instruction", "<script>alert(1)</script>"))), 400, "lanes[1].bug"),
                Arguments.of(with("lanes", List.of(lane("instruction", null, "scratch"),
                        bugged("instruction", 7))), 400, "lanes[1].bug"),
                Arguments.of(with("lanes", List.of(lane("instruction", null, "scratch"),
                        bugged("pretraining", "mask-dropped"))), 400, "lanes[1].bug"),
                Arguments.of(with("lanes", List.of(lane("instruction", null, "scratch"),
                        bugged("weighted", "end-of-text-masked"))), 400, "lanes[1].bug"),
                Arguments.of(with("lanes", List.of(bugged("instruction", "labels-not-shifted"),
                        bugged("instruction", "labels-not-shifted"))), 400, "lanes[1]"),
                Arguments.of(with("lanes", "two"), 400, "lanes"),
                Arguments.of("{\"steps\": 20,", 400, "body"),
                Arguments.of("", 400, "body"));
    }

    @ParameterizedTest
    @MethodSource("badConfigs")
    void everyBadConfigIsAProblemNamingTheFieldAndStoresNothing(Object body, int status, String field) throws Exception {
        long before = comparisons();
        long last = lastId();

        MvcTestResult result = submit(body);

        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json(result);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("field").asString()).isEqualTo(field);
        assertThat(problem.get("detail").asString()).isNotBlank().doesNotContain("Exception");
        assertThat(comparisons()).isEqualTo(before);
        assertThat(get(last + 1)).as("nothing stored under the next id").hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void everyLanesChecksAreReadForAnOpenRunAndNeverForAMystery() throws Exception {
        Map<String, Object> config = config(304);
        config.put("lanes", List.of(lane("instruction", null, "scratch"), bugged("instruction", "end-of-text-masked")));
        long id = json(submit(config)).get("id").asLong();
        awaitView(id, "finished", view -> status(view).equals("finished"));

        MvcTestResult answer = mvc.get().uri("/api/comparisons/{id}/checks", id).exchange();
        assertThat(answer).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        JsonNode checks = json(answer);
        assertThat(checks.get("checks")).hasSize(8);
        JsonNode correct = checks.get("lanes").get(0);
        assertThat(correct.get("bug").isNull()).isTrue();
        assertThat(correct.get("stepsChecked").asInt()).isEqualTo(20);
        assertThat(correct.get("failed")).isEmpty();
        JsonNode masked = checks.get("lanes").get(1);
        assertThat(masked.get("bug").asString()).isEqualTo("end-of-text-masked");
        assertThat(masked.get("label").asString()).endsWith("with a bug: the end-of-text token masked as padding");
        assertThat(masked.get("failed").toString()).isEqualTo("[{\"check\":\"end-of-text-counted\",\"firstStep\":1}]");
        assertThat(mvc.get().uri("/api/comparisons/{id}/metrics.csv", id).exchange().getResponse().getContentAsString()
                .lines().skip(1)).allMatch(line -> line.startsWith("0,\"Instruction objective, from scratch\",instruction,0.0,"
                        + "scratch,every-turn,,") || line.contains(",every-turn,end-of-text-masked,"));

        ComparisonConfig mystery = comparisons.validate(JSON.readValue(JSON.writeValueAsString(config),
                ComparisonRequest.class)).asMystery();
        long hidden = store.insert(mystery, List.of("first", "second"), ComparisonStatus.CANCELLED, null, "test", OWNER);
        MvcTestResult refused = mvc.get().uri("/api/comparisons/{id}/checks", hidden).exchange();
        assertThat(refused).hasStatus(HttpStatus.CONFLICT).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(refused).get("detail").asString()).doesNotContain("end-of-text", "masked");
        assertThat(get(hidden).getResponse().getContentAsString()).doesNotContain("end-of-text-masked", "masked as padding");
        assertThat(mvc.get().uri("/api/comparisons/{id}/checks", lastId() + 1000).exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aBugLaneIsNamedAndItsTrainingBatchReadsAsItsPipelineBuiltIt() throws Exception {
        Map<String, Object> config = config(303);
        config.put("lanes", List.of(lane("instruction", null, "scratch"),
                bugged("instruction", "mean-of-micro-batch-means")));
        long id = json(submit(config)).get("id").asLong();

        JsonNode lane = view(id).get("lanes").get(1);
        assertThat(lane.get("bug").asString()).isEqualTo("mean-of-micro-batch-means");
        assertThat(lane.get("hiddenBug").asBoolean()).isFalse();
        assertThat(lane.get("label").asString()).endsWith("with a bug: gradient accumulation averaging micro-batch means");

        JsonNode correct = json(mvc.get().uri("/api/comparisons/{id}/lanes/0/batch?step=3", id).exchange());
        JsonNode averaged = json(mvc.get().uri("/api/comparisons/{id}/lanes/1/batch?step=3", id).exchange());
        assertThat(correct.get("microBatches").asInt()).isEqualTo(1);
        assertThat(averaged.get("microBatches").asInt()).as("batch of 8 in micro-batches of 4").isEqualTo(2);
        assertThat(averaged.get("rows")).hasSize(8);
        assertThat(averaged.get("rows").get(0).get("tokens").get(0).get("input").asString()).isEqualTo("<|bos|>");
        assertThat(correct.get("rows").toString()).as("the same tokens, other shares of the loss")
                .isNotEqualTo(averaged.get("rows").toString());
        double shares = 0;
        for (JsonNode row : correct.get("rows")) {
            for (JsonNode token : row.get("tokens")) {
                shares += token.get("share").asDouble();
            }
        }
        assertThat(shares).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-6));

        for (String bad : List.of("lanes/2/batch", "lanes/-1/batch")) {
            assertThat(mvc.get().uri("/api/comparisons/{id}/" + bad, id).exchange()).hasStatus(HttpStatus.NOT_FOUND)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        for (String step : List.of("0", "21", "-3", "abc", "NaN", "99999999999")) {
            MvcTestResult result = mvc.get().uri("/api/comparisons/{id}/lanes/0/batch?step=" + step, id).exchange();
            assertThat(result).as("step %s", step).hasStatus(HttpStatus.BAD_REQUEST)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(json(result).get("field").asString()).isEqualTo("step");
        }
        assertThat(mvc.get().uri("/api/comparisons/{id}/lanes/0/batch", lastId() + 1000).exchange())
                .hasStatus(HttpStatus.NOT_FOUND);

        awaitView(id, "finished", v -> status(v).equals("finished"));
        assertThat(jdbc.sql("select lane_index, check_key, first_step from lane_check where comparison_id = ?")
                .param(id).query((rs, n) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getInt(3)).list())
                .as("only the bug lane fails a check, the one that names its bug, from the first step")
                .containsExactly("1 normalised-by-all-targets 1");
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupportedMediaType() throws Exception {
        long before = comparisons();
        MvcTestResult result = mvc.post().uri("/api/comparisons").contentType(MediaType.TEXT_PLAIN)
                .content(JSON.writeValueAsString(config(1))).exchange();
        assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(result).get("field").asString()).isEqualTo("Content-Type");
        assertThat(comparisons()).isEqualTo(before);
    }

    @Test
    void unknownComparisonsAreNotFoundAndMalformedIdsAreClientErrors() throws Exception {
        long unknown = lastId() + 1000;
        for (MvcTestResult result : List.of(get(unknown), cancel(unknown))) {
            assertThat(result).hasStatus(HttpStatus.NOT_FOUND)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(json(result).get("field").asString()).isEqualTo("id");
        }
        assertThat(mvc.get().uri("/api/comparisons/{id}/events", unknown).accept(MediaType.TEXT_EVENT_STREAM).exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/comparisons/{id}/events", unknown).exchange()).hasStatus(HttpStatus.NOT_FOUND);

        for (MvcTestResult result : List.of(get("abc"), cancel("abc"), get("1e3"),
                get("99999999999999999999999"))) {
            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(json(result).get("field").asString()).isEqualTo("id");
        }
        assertThat(mvc.get().uri("/api/comparisons/{id}/events", "abc").accept(MediaType.TEXT_EVENT_STREAM).exchange())
                .hasStatus4xxClientError();
        assertThat(mvc.get().uri("/api/comparisons/{id}/events", "abc").exchange()).hasStatus4xxClientError();
    }
}
