package dev.losslens.comparison;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a run's view reads of the whole queue for its place and its ETA. A page or an API call reads it afresh. The
 * live streams share one read a second: every watched run's stream ticks four times a second, and reading the queue
 * at each tick of each stream cost more than everything else a class's load asked for.
 */
interface QueueReading {

    List<Long> claimOrder();

    List<ComparisonRow> active();

    static QueueReading fresh(ComparisonQueue queue) {
        return new QueueReading() {
            @Override
            public List<Long> claimOrder() {
                return queue.claimOrder();
            }

            @Override
            public List<ComparisonRow> active() {
                return queue.active();
            }
        };
    }

    /** One read of the queue, shared by every stream for a second. */
    final class Shared implements QueueReading {

        private static final long FRESH_FOR_NANOS = TimeUnit.SECONDS.toNanos(1);

        private record Snapshot(List<Long> claimOrder, List<ComparisonRow> active, long readAt) {
        }

        private final ComparisonQueue queue;
        private Snapshot last;

        Shared(ComparisonQueue queue) {
            this.queue = queue;
        }

        @Override
        public List<Long> claimOrder() {
            return snapshot().claimOrder();
        }

        @Override
        public List<ComparisonRow> active() {
            return snapshot().active();
        }

        private synchronized Snapshot snapshot() {
            if (last == null || System.nanoTime() - last.readAt() > FRESH_FOR_NANOS) {
                last = new Snapshot(queue.claimOrder(), queue.active(), System.nanoTime());
            }
            return last;
        }
    }
}
