package dev.losslens.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.OnPostgres;
import dev.losslens.model.ModelPreset;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.training.LaneSpec;
import dev.losslens.training.MetricPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared queue on a real PostgreSQL server (the production set-up): migrations apply, a comparison trains and
 * stores its lanes' weights, and instances claiming at the same moment never claim the same comparison.
 */
// the settings of the other PostgreSQL suites (no instance name of its own, MockMvc unused): one cached context for all
@SpringBootTest
@AutoConfigureMockMvc
@OnPostgres
class PostgresQueueTest {

    @Autowired
    ComparisonService comparisons;

    @Autowired
    ComparisonStore store;

    @Autowired
    ComparisonQueue queue;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aComparisonTrainsAndStoresItsLanesOnPostgres() throws InterruptedException {
        var request = new ComparisonRequest("arithmetic", "tiny", 6, 1e-3, 4, System.nanoTime() % 100_000, 3,
                List.of(new ComparisonRequest.LaneRequest("pretraining", null, "scratch"),
                        new ComparisonRequest.LaneRequest("instruction", null, "base")));
        long id = comparisons.submit(request, "pg-test-client", OwnerSecret.generate()).comparison().id();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!store.find(id).orElseThrow().status().done() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        ComparisonView view = comparisons.view(id);
        assertThat(view.status()).isEqualTo(ComparisonStatus.FINISHED);
        assertThat(view.lanes()).allSatisfy(lane -> {
            assertThat(lane.metrics()).extracting(MetricPoint::step).containsExactly(0, 3, 6);
            assertThat(store.laneWeights(id, lane.index())).isPresent();
        });
        assertThat(store.trainedLanes(40)).extracting(TrainedLane::comparisonId).contains(id);
        assertThat(store.recent(1)).extracting(ComparisonRow::id).containsExactly(id);
    }

    @Test
    void instancesClaimingTogetherNeverShareAComparison() throws Exception {
        jdbc.sql("update comparison set status = 'cancelled' where status = 'queued'").update();
        ComparisonConfig config = new ComparisonConfig("arithmetic", ModelPreset.TINY, 1, 1e-3, 1, 1, 1,
                List.of(new ComparisonConfig.LaneConfig(ObjectiveKind.PRETRAINING, 1, LaneSpec.Init.SCRATCH),
                        new ComparisonConfig.LaneConfig(ObjectiveKind.INSTRUCTION, 0, LaneSpec.Init.SCRATCH)));
        Set<Long> queued = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            queued.add(store.insert(config, List.of("a", "b"), ComparisonStatus.QUEUED, null, "pg-claims", OwnerSecret.generate()));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<List<Long>>> instances = new ArrayList<>();
        for (String instance : List.of("replica-1", "replica-2", "replica-3")) {
            instances.add(CompletableFuture.supplyAsync(() -> claimAll(instance, start)));
        }
        start.countDown();
        List<Long> claimed = new ArrayList<>();
        for (var instance : instances) {
            claimed.addAll(instance.get());
        }
        assertThat(claimed).doesNotHaveDuplicates();
        assertThat(queued).containsAll(claimed.stream().filter(queued::contains).toList());
        assertThat(jdbc.sql("select count(*) from comparison where claimed_by like 'replica-%'")
                .query(Integer.class).single()).isEqualTo(claimed.size());
    }

    /** Leaves nothing for this context's trainer to train after the test, so no other test trains alongside. */
    @AfterEach
    void drainQueue() throws InterruptedException {
        jdbc.sql("update comparison set status = 'cancelled' where status = 'queued' or claimed_by like 'replica-%'").update();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (jdbc.sql("select count(*) from comparison where status = 'running'").query(Integer.class).single() > 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    private List<Long> claimAll(String instance, CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Long> mine = new ArrayList<>();
        for (Optional<Long> next = queue.claimNext(instance); next.isPresent(); next = queue.claimNext(instance)) {
            mine.add(next.get());
        }
        return mine;
    }
}
