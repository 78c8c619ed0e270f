package dev.losslens.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The live streams' view of the queue is read once however many streams tick within a second; pages read afresh. */
class QueueReadingTest {

    /** A queue that only counts how often it is read. */
    private static final class CountingQueue extends ComparisonQueue {

        int reads;

        CountingQueue() {
            super(null);
        }

        @Override
        List<Long> claimOrder() {
            reads++;
            return List.of(7L, 9L);
        }

        @Override
        List<ComparisonRow> active() {
            reads++;
            return List.of();
        }
    }

    @Test
    void streamsTickingTogetherShareOneRead() {
        CountingQueue queue = new CountingQueue();
        QueueReading shared = new QueueReading.Shared(queue);
        for (int tick = 0; tick < 100; tick++) {
            assertThat(shared.claimOrder()).containsExactly(7L, 9L);
            shared.active();
        }
        assertThat(queue.reads).as("the claim order and the active runs, read once").isEqualTo(2);
    }

    @Test
    void aFreshReadingReadsEveryTime() {
        CountingQueue queue = new CountingQueue();
        QueueReading fresh = QueueReading.fresh(queue);
        fresh.claimOrder();
        fresh.claimOrder();
        assertThat(queue.reads).isEqualTo(2);
    }
}
