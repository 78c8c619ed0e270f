package dev.losslens.comparison;

import java.util.List;

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

        private record Snapshot(List<Long> claimOrder, List<ComparisonRow> active) {
        }

        private final OncePerSecond<Snapshot> snapshot;

        Shared(ComparisonQueue queue) {
            this.snapshot = new OncePerSecond<>(() -> new Snapshot(queue.claimOrder(), queue.active()));
        }

        @Override
        public List<Long> claimOrder() {
            return snapshot.get().claimOrder();
        }

        @Override
        public List<ComparisonRow> active() {
            return snapshot.get().active();
        }
    }
}
