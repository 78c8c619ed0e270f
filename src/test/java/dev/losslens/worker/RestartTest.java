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
 * What a trainer does with runs it finds {@code running} when it starts: its own are orphans of a crash and become
 * {@code interrupted}, as do runs whose trainer stopped beating; a run another live instance is training is left
 * alone. Each case starts a second trainer, as a restarted instance would, next to the context's own.
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
        jdbc.sql("update comparison set status = 'interrupted' where status = 'running' and claimed_by = ?")
                .param(LIVE).update();
    }

    private void restart() {
        TrainingProperties properties = new TrainingProperties(defaults.maxSteps(), defaults.minLearningRate(),
                defaults.maxLearningRate(), defaults.maxBatchSize(), defaults.maxQueued(), defaults.maxQueuedPerClient(),
                defaults.maxQueuedPerAddress(), defaults.answeredPrompts(), RESTARTED, defaults.staleAfterSeconds(),
                defaults.trainerThreads(), defaults.stackLanes(), defaults.maxTrainingParameters());
        restarted = new ComparisonWorker(store, queue, measurements, plans, properties);
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
            measurements.addPoint(id, lane, new MetricPoint(0, null, 7.4, 7.5, 7.45, 0, 0));
            measurements.addPoint(id, lane, new MetricPoint(10, 6.1, 6.0, 6.9, 6.5, 0, 0.02));
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
    void runsThisInstanceLeftRunningAreInterruptedAtStartUp() throws Exception {
        long id = runningComparison(9001, RESTARTED, Instant.now());

        restart();

        assertInterruptedKeepingPoints(id);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ComparisonStatus.INTERRUPTED);
    }

    @Test
    void aRunWhoseTrainerStoppedBeatingIsInterrupted() throws Exception {
        long id = runningComparison(9002, "crashed-host", Instant.now().minus(Duration.ofHours(1)));

        restart();

        assertInterruptedKeepingPoints(id);
    }

    @Test
    void aRunAnotherLiveInstanceIsTrainingIsLeftRunning() throws Exception {
        long id = runningComparison(9003, LIVE, Instant.now());

        restart();

        JsonNode view = view(id);
        assertThat(view.get("status").asString()).isEqualTo("running");
        assertThat(view.get("lanes")).allSatisfy(lane -> assertThat(lane.get("status").asString()).isEqualTo("running"));
    }
}
