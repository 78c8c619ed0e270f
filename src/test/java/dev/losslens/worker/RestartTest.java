package dev.losslens.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.comparison.ComparisonConfig;
import dev.losslens.comparison.ComparisonQueue;
import dev.losslens.comparison.ComparisonStatus;
import dev.losslens.comparison.ComparisonStore;
import dev.losslens.comparison.MeasurementStore;
import dev.losslens.comparison.OwnerSecret;
import dev.losslens.comparison.TrainingProperties;
import dev.losslens.model.ModelPreset;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.training.LaneSpec;
import dev.losslens.training.MetricPoint;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a trainer does with runs it finds {@code running} when it starts: those whose trainer stopped beating become
 * {@code interrupted}; a run whose heartbeat is fresh is left alone whatever name claimed it, since a live process of
 * that name may be training it. Each case starts a second trainer, as a restarted instance would, next to the
 * context's own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RestartTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RESTARTED = "restarted-instance";
    private static final String LIVE = "live-host";

    @Autowired
    ComparisonStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ComparisonQueue queue;

    @Autowired
    MeasurementStore measurements;

    @Autowired
    ComparisonPlans plans;

    @Autowired
    TrainingProperties defaults;

    @Autowired
    TrainingMeters meters;

    private ComparisonWorker restarted;

    @BeforeEach
    void nothingQueued() {
        // the restarted trainer would claim queued work and train it next to the context's trainer
        assertThat(jdbc.sql("select count(*) from comparison where status = 'queued'").query(Integer.class).single())
                .isZero();
    }

    @AfterEach
    void stopRestartedTrainer() {
        if (restarted != null) {
            restarted.stop();
        }
        // the live instance's run must not stay running for the next test class to trip over
        jdbc.sql("update comparison set status = 'interrupted' where status = 'running' and claimed_by in (?, ?)")
                .params(LIVE, RESTARTED).update();
    }

    private void restart() {
        TrainingProperties properties = new TrainingProperties(defaults.maxSteps(), defaults.minLearningRate(),
                defaults.maxLearningRate(), defaults.maxBatchSize(), defaults.maxQueued(), defaults.maxQueuedPerClient(),
                defaults.maxQueuedPerAddress(), defaults.answeredPrompts(), RESTARTED, defaults.staleAfterSeconds(),
                defaults.trainerThreads(), defaults.stackLanes(), defaults.maxTrainingParameters());
        restarted = new ComparisonWorker(store, queue, measurements, plans, properties, meters);
        restarted.start();
    }

    /** A comparison some trainer claimed and was training: lanes running, two points measured per lane. */
    private long runningComparison(long seed, String claimedBy, Instant heartbeat) {
        ComparisonConfig config = new ComparisonConfig("capitals", ModelPreset.TINY, 100, 1e-3, 8, seed, 10, List.of(
                new ComparisonConfig.LaneConfig(ObjectiveKind.PRETRAINING, 1.0, LaneSpec.Init.SCRATCH),
                new ComparisonConfig.LaneConfig(ObjectiveKind.INSTRUCTION, 0.0, LaneSpec.Init.SCRATCH)));
        List<String> labels = List.of("Pre-training objective, from scratch", "Instruction objective, from scratch");
        // inserted as running, so no trainer can claim it from the queue in between
        long id = store.insert(config, labels, ComparisonStatus.RUNNING, null, "127.0.0.1", OwnerSecret.generate());
        jdbc.sql("update comparison set claimed_by = ?, started_at = ?, heartbeat_at = ?, steps_done = 17 where id = ?")
                .params(claimedBy, Timestamp.from(heartbeat), Timestamp.from(heartbeat), id).update();
        jdbc.sql("update lane set status = 'running' where comparison_id = ?").param(id).update();
        for (int lane = 0; lane < 2; lane++) {
            measurements.addPoint(id, lane, new MetricPoint(0, null, 7.4, 7.4, 7.5, 7.45, 0, 0, 1.0));
            measurements.addPoint(id, lane, new MetricPoint(10, 6.1, 6.0, 6.0, 6.9, 6.5, 0, 0.02, 1.0));
        }
        return id;
    }

    private JsonNode view(long id) throws Exception {
        var result = mvc.get().uri("/api/comparisons/{id}", id).exchange();
        assertThat(result).hasStatusOk();
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    private void assertInterruptedKeepingPoints(long id) throws Exception {
        JsonNode view = view(id);
        assertThat(view.get("status").asString()).isEqualTo("interrupted");
        assertThat(view.get("message").asString()).containsIgnoringCase("interrupted");
        assertThat(view.get("finishedAt").isNull()).isFalse();
        assertThat(view.get("stepsDone").asInt()).isEqualTo(17);
        assertThat(view.get("lanes").size()).isEqualTo(2);
        for (JsonNode lane : view.get("lanes")) {
            assertThat(lane.get("status").asString()).isEqualTo("interrupted");
            assertThat(lane.get("checkpoint").isNull()).as("no final weights were stored").isTrue();
            assertThat(lane.get("metrics").size()).as("measured points are kept").isEqualTo(2);
            assertThat(lane.get("metrics").get(1).get("step").asInt()).isEqualTo(10);
            assertThat(lane.get("metrics").get(1).get("responseNll").asDouble()).isEqualTo(6.0);
        }
    }

    @Test
    void aRunWhoseTrainerStoppedBeatingIsInterrupted() throws Exception {
        long id = runningComparison(9002, "crashed-host", Instant.now().minus(Duration.ofHours(1)));

        restart();
        // the trainers mark stale runs at their first look at the queue, on their own threads
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (store.find(id).orElseThrow().status() == ComparisonStatus.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertInterruptedKeepingPoints(id);
    }

    @Test
    void aRunWithAFreshHeartbeatIsLeftRunningWhoeverClaimedIt() throws Exception {
        long another = runningComparison(9003, LIVE, Instant.now());
        long sameName = runningComparison(9004, RESTARTED, Instant.now());

        restart();

        for (long id : List.of(another, sameName)) {
            JsonNode view = view(id);
            assertThat(view.get("status").asString()).isEqualTo("running");
            assertThat(view.get("lanes")).allSatisfy(lane ->
                    assertThat(lane.get("status").asString()).isEqualTo("running"));
        }
        assertThat(restarted.instance()).as("the restarted process claims under a name of its own")
                .startsWith(RESTARTED + "-").isNotEqualTo(ComparisonWorker.uniqueName(RESTARTED));
    }

    @Test
    void aRunFoundStaleIsKeptWhenItsTrainerBeatBeforeTheMark() {
        long id = runningComparison(9005, LIVE, Instant.now());
        assertThat(queue.progress(id, 18, 100.0)).as("the heartbeat of a running comparison").isTrue();

        // as if the stale list was read an hour ago: the mark checks the heartbeat again in the statement that ends it
        store.interruptIfStale(id, Instant.now().minusSeconds(60), "stale");

        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ComparisonStatus.RUNNING);
    }

    @Test
    void theFirstEndingStands() {
        long id = runningComparison(9006, LIVE, Instant.now().minus(Duration.ofHours(1)));
        store.interruptIfStale(id, Instant.now(), "stale");

        assertThat(store.finish(id, ComparisonStatus.FINISHED, List.of(), null)).isFalse();
        assertThat(queue.progress(id, 19, 100.0)).as("a late heartbeat tells the trainer to stop").isFalse();
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ComparisonStatus.INTERRUPTED);
        assertThat(store.find(id).orElseThrow().stepsDone()).isEqualTo(17);
    }
}
