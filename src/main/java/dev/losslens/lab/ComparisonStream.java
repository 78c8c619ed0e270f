package dev.losslens.lab;

import dev.losslens.comparison.ComparisonService;
import dev.losslens.system.TickingPublisher;
import dev.losslens.system.StreamSlots;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
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
    private final StreamProperties limits;
    private final Map<Long, RunPublisher> publishers = new ConcurrentHashMap<>();
    private final StreamSlots slots;
    private final ScheduledExecutorService ticks = TickingPublisher.ticks("losslens-events");

    ComparisonStream(ComparisonService comparisons, StreamProperties limits) {
        this.comparisons = comparisons;
        this.limits = limits;
        this.slots = new StreamSlots(new StreamSlots.Limits(limits.maxTotal(), limits.maxPerAddress(),
                limits.maxPerClient(), "You have %d live streams open; close a run page first",
                "Your network has %d live streams open; try again shortly",
                "The server has %d live streams open; try again shortly"));
    }

    SseEmitter subscribe(long id, String person, String address) {
        comparisons.require(id);
        Runnable release = slots.reserve(person, address);
        SseEmitter emitter = new SseEmitter(limits.timeout().toMillis());
        publishers.compute(id, (key, publisher) -> {
            RunPublisher.Subscriber subscriber = new RunPublisher.Subscriber(emitter, release);
            if (publisher != null && publisher.add(subscriber)) {
                return publisher;
            }
            RunPublisher fresh = new RunPublisher(id, comparisons, ticks, limits);
            fresh.onClosed(() -> publishers.remove(id, fresh));
            fresh.add(subscriber);
            return fresh;
        });
        return emitter;
    }

    /** Runs being read for their watchers now. */
    int publishers() {
        return publishers.size();
    }

    @PreDestroy
    void shutdown() {
        ticks.shutdownNow();
    }
}
