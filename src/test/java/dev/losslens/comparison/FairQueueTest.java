package dev.losslens.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.model.ModelPreset;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.training.LaneSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whoever has fewer runs queued or running is served first. The rows are written inside the test's transaction,
 * which is rolled back: the context's own trainer never sees them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class FairQueueTest {

    @Autowired
    ComparisonStore store;

    @Autowired
    ComparisonQueue queue;

    @Autowired
    ComparisonService comparisons;

    private long add(OwnerSecret person, ComparisonStatus status, long seed) {
        ComparisonConfig config = new ComparisonConfig("capitals", ModelPreset.TINY, 300, 1e-3, 16, seed, 25, List.of(
                new ComparisonConfig.LaneConfig(ObjectiveKind.PRETRAINING, 1, LaneSpec.Init.SCRATCH),
                new ComparisonConfig.LaneConfig(ObjectiveKind.INSTRUCTION, 0, LaneSpec.Init.SCRATCH)));
        // every learner of the class behind one address
        return store.insert(config, List.of("a", "b"), status, null, "203.0.113.7", person);
    }

    @Test
    void onePersonsBacklogDoesNotStarveAnotherBehindTheSameAddress() {
        OwnerSecret busy = OwnerSecret.generate();
        add(busy, ComparisonStatus.RUNNING, 1);
        long second = add(busy, ComparisonStatus.QUEUED, 2);
        long third = add(busy, ComparisonStatus.QUEUED, 3);
        long newcomer = add(OwnerSecret.generate(), ComparisonStatus.QUEUED, 4);

        assertThat(queue.claimOrder()).containsExactly(newcomer, second, third);
        assertThat(comparisons.view(newcomer).queuePosition()).isZero();
        assertThat(comparisons.view(third).queuePosition()).isEqualTo(2);
        assertThat(comparisons.view(third).etaSeconds()).as("waits for everything ahead of it")
                .isGreaterThan(comparisons.view(newcomer).etaSeconds());
    }
}
