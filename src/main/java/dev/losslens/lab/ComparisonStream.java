package dev.losslens.lab;

import dev.losslens.comparison.ComparisonService;
import dev.losslens.system.streams.StreamRegistry;
import dev.losslens.system.streams.StreamSlots;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams comparisons to browsers at a cost per run, not per subscriber: each watched run has one
 * {@link RunPublisher} that reads the database once per tick and fans out; a run nobody watches is not read at all.
 * Open streams are capped per person, per client address and in total.
 */
@Component
class ComparisonStream {

    private final ComparisonService comparisons;
    private final StreamRegistry<Long, RunPublisher.Subscriber> streams;

    ComparisonStream(ComparisonService comparisons, StreamProperties limits, MeterRegistry meters) {
        this.comparisons = comparisons;
        this.streams = new StreamRegistry<Long, RunPublisher.Subscriber>("losslens-events", new StreamSlots.Limits(limits.maxTotal(),
                limits.maxPerAddress(), limits.maxPerClient(), "streams.run"), limits.timeout(),
                (id, ticks) -> new RunPublisher(id, comparisons, ticks, limits), RunPublisher.Subscriber::new)
                .meteredAs("runs", meters);
    }

    SseEmitter subscribe(long id, String person, String address) {
        comparisons.require(id);
        return streams.subscribe(id, person, address);
    }

    /** Runs being read for their watchers now. */
    int publishers() {
        return streams.publishers();
    }

    @PreDestroy
    void shutdown() {
        streams.shutdown();
    }
}
