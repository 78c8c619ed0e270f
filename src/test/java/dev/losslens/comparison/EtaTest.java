package dev.losslens.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslens.model.ModelPreset;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.training.LaneSpec;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * A run's first ETA comes from how long runs of its shape took here, not from its own first steps, which carry the
 * step-0 evaluation and the engine's warm-up; once it has trained an evaluation interval its own pace takes over.
 */
@SpringBootTest(properties = "losslens.training.instance-id=eta-test")
@Transactional
class EtaTest {

    @Autowired
    ComparisonStore store;

    @Autowired
    ComparisonService comparisons;

    @Autowired
    JdbcClient jdbc;

    private long run(long seed, int batch, ComparisonStatus status, Instant started, Instant finished, int done) {
        ComparisonConfig config = new ComparisonConfig("capitals", ModelPreset.TINY, 300, 1e-4, batch, seed, 25, List.of(
                new ComparisonConfig.LaneConfig(ObjectiveKind.PRETRAINING, 1, LaneSpec.Init.BASE),
                new ComparisonConfig.LaneConfig(ObjectiveKind.INSTRUCTION, 0, LaneSpec.Init.BASE)));
        long id = store.insert(config, List.of("a", "b"), status, null, "eta-test", OwnerSecret.generate());
        jdbc.sql("update comparison set started_at = ?, finished_at = ?, steps_done = ?, claimed_by = ? where id = ?")
                .params(Timestamp.from(started), finished == null ? null : Timestamp.from(finished), done, "nobody", id)
                .update();
        return id;
    }

    @Test
    void theFirstEtaIsThePaceOfRunsOfTheSameShapeAndTheRunsOwnPaceLater() {
        Instant now = Instant.now();
        // finished runs of the same shape took 15 s for 600 lane-steps; one of batch 2 took 30 s, which must not count
        run(1, 16, ComparisonStatus.FINISHED, now.minusSeconds(100), now.minusSeconds(85), 300);
        run(2, 2, ComparisonStatus.FINISHED, now.minusSeconds(80), now.minusSeconds(50), 300);
        long running = run(3, 16, ComparisonStatus.RUNNING, now.minusSeconds(3), null, 1);
        assertThat(comparisons.view(running).etaSeconds()).as("299 steps × 2 lanes × 0.025 s, not 3 s × 299")
                .isCloseTo(14.95, within(0.01));

        jdbc.sql("update comparison set steps_done = 100, started_at = ? where id = ?")
                .params(Timestamp.from(now.minusSeconds(5)), running).update();
        assertThat(comparisons.view(running).etaSeconds()).as("its own pace after an evaluation interval")
                .isCloseTo(10.0, within(0.3));
    }

    @Test
    void besideOtherRunsARunsFirstEtaIsItsShareOfTheirPaceAndAQueuedRunWaitsForTheWorkAheadAtTheirRate() {
        Instant now = Instant.now();
        run(11, 16, ComparisonStatus.FINISHED, now.minusSeconds(100), now.minusSeconds(85), 300);
        // a run beside it has trained 100 steps of 2 lanes in 10 s: 20 lane-steps per second, 10 steps per second a lane
        run(12, 16, ComparisonStatus.RUNNING, now.minusSeconds(10), null, 100);
        long joined = run(13, 16, ComparisonStatus.RUNNING, now.minusSeconds(1), null, 1);
        assertThat(comparisons.view(joined).etaSeconds()).as("299 steps at the 10 steps per second its neighbour's lanes make")
                .isCloseTo(29.9, within(0.5));

        long queued = run(14, 16, ComparisonStatus.QUEUED, now, null, 0);
        // 200 × 2 + 299 × 2 + 300 × 2 lane-steps ahead and its own, at 20 + 2 lane-steps per second
        assertThat(comparisons.view(queued).etaSeconds()).as("the work ahead and its own at the trainers' rate")
                .isCloseTo(1598 / 22.0, within(2.0));
    }
}
