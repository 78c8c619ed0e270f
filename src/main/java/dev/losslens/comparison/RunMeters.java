package dev.losslens.comparison;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The shared queue as an operator watches it: {@code losslens.runs} by status and {@code losslens.queue.depth}. They
 * are counted in the database, so every replica reports the same figures; one query serves a whole scrape.
 */
@Component
class RunMeters {

    private final OncePerSecond<Map<ComparisonStatus, Long>> counts;

    RunMeters(ComparisonQueue queue, MeterRegistry meters) {
        this.counts = new OncePerSecond<>(queue::countsByStatus);
        for (ComparisonStatus status : ComparisonStatus.values()) {
            Gauge.builder("losslens.runs", this, runs -> runs.count(status)).tag("status", status.key())
                    .description("Comparisons in the shared database by status").register(meters);
        }
        Gauge.builder("losslens.queue.depth", this, runs -> runs.count(ComparisonStatus.QUEUED))
                .description("Comparisons waiting for a trainer on any replica").register(meters);
    }

    private double count(ComparisonStatus status) {
        return counts.get().getOrDefault(status, 0L);
    }
}
