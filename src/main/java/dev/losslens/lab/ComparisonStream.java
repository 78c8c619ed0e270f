package dev.losslens.lab;

import dev.losslens.comparison.ComparisonService;
import dev.losslens.system.TickingPublisher;
import dev.losslens.system.TooManyRequestsException;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams comparisons to browsers at a cost per run, not per subscriber: each watched run has one
 * {@link RunPublisher} that reads the database once per tick and fans out; a run nobody watches is not read at all.
 * Open streams are capped per client address and in total.
 */
@Component
class ComparisonStream {

    private final ComparisonService comparisons;
    private final StreamProperties limits;
    private final Map<Long, RunPublisher> publishers = new ConcurrentHashMap<>();
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ScheduledExecutorService ticks = TickingPublisher.ticks("losslens-events");

    ComparisonStream(ComparisonService comparisons, StreamProperties limits) {
        this.comparisons = comparisons;
        this.limits = limits;
    }

    SseEmitter subscribe(long id, String client) {
        comparisons.require(id);
        reserve(client);
        SseEmitter emitter = new SseEmitter(limits.timeout().toMillis());
        Runnable release = () -> {
            open.decrementAndGet();
            release(client);
        };
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

    private void reserve(String client) {
        if (perClient.merge(client, 1, Integer::sum) > limits.maxPerClient()) {
            release(client);
            throw new TooManyRequestsException("events", "You have %d live streams open; close a run page first"
                    .formatted(limits.maxPerClient()));
        }
        if (open.incrementAndGet() > limits.maxTotal()) {
            open.decrementAndGet();
            release(client);
            throw new TooManyRequestsException("events", "The server has %d live streams open; try again shortly"
                    .formatted(limits.maxTotal()));
        }
    }

    private void release(String client) {
        perClient.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
    }

    @PreDestroy
    void shutdown() {
        ticks.shutdownNow();
    }
}
