package dev.losslens.comparison;

import dev.losslens.notation.Keyed;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The shared queue as an operator watches it: {@code losslens.runs} by status and {@code losslens.queue.depth}. They
 * are counted in the database, so every replica reports the same figures; one query serves a whole scrape.
 */
@Component
class RunMeters {

    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private Map<ComparisonStatus, Long> counts = Map.of();
    private long countedAt;

    RunMeters(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        for (ComparisonStatus status : ComparisonStatus.values()) {
            Gauge.builder("losslens.runs", this, runs -> runs.count(status)).tag("status", status.key())
                    .description("Comparisons in the shared database by status").register(meters);
        }
        Gauge.builder("losslens.queue.depth", this, runs -> runs.count(ComparisonStatus.QUEUED))
                .description("Comparisons waiting for a trainer on any replica").register(meters);
    }

    private synchronized double count(ComparisonStatus status) {
        if (System.nanoTime() - countedAt > FRESH_FOR.toNanos()) {
            Map<ComparisonStatus, Long> fresh = new EnumMap<>(ComparisonStatus.class);
            jdbc.sql("select status, count(*) from comparison group by status").query((rs, n) ->
                    fresh.put(Keyed.of(ComparisonStatus.class, rs.getString(1)), rs.getLong(2))).list();
            counts = fresh;
            countedAt = System.nanoTime();
        }
        return counts.getOrDefault(status, 0L);
    }
}
