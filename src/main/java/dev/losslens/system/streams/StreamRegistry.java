package dev.losslens.system.streams;

import dev.losslens.system.rejection.TooManyRequestsException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live streams of one kind (runs, class sessions): every subscriber of a watched thing joins that thing's single
 * {@link TickingPublisher}, started by the first subscriber and forgotten when its last one leaves, and every stream
 * holds one of the capped {@link StreamSlots} for as long as it is open.
 *
 * @param <K> what names a watched thing
 * @param <S> its subscribers
 */
public final class StreamRegistry<K, S extends TickingPublisher.Subscriber> {

    private final Map<K, TickingPublisher<S>> publishers = new ConcurrentHashMap<>();
    private final StreamSlots slots;
    private final Duration timeout;
    private final Publishers<K, S> starts;
    private final BiFunction<SseEmitter, Runnable, S> subscribers;
    private final ScheduledExecutorService ticks;

    /** Starts the publisher of one watched thing, ticking on the registry's threads. */
    @FunctionalInterface
    public interface Publishers<K, S extends TickingPublisher.Subscriber> {

        TickingPublisher<S> start(K key, ScheduledExecutorService ticks);
    }

    /**
     * @param threads the name of the daemon threads that tick the publishers
     * @param timeout longest life of one stream
     * @param subscribers a subscriber from its stream and what gives its slot back
     */
    public StreamRegistry(String threads, StreamSlots.Limits limits, Duration timeout, Publishers<K, S> publishers,
                          BiFunction<SseEmitter, Runnable, S> subscribers) {
        this.slots = new StreamSlots(limits);
        this.timeout = timeout;
        this.starts = publishers;
        this.subscribers = subscribers;
        this.ticks = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, threads);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens a stream of the thing {@code key} names.
     *
     * @param person who asks: a hash of their anonymous secret, or their address when they have none
     * @throws TooManyRequestsException when the person, the address, the instance or the watched thing is at its cap
     */
    public SseEmitter subscribe(K key, String person, String address) {
        Runnable release = slots.reserve(person, address);
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        S subscriber = subscribers.apply(emitter, release);
        try {
            publishers.compute(key, (watched, publisher) -> {
                if (publisher != null && publisher.add(subscriber)) {
                    return publisher;
                }
                TickingPublisher<S> fresh = starts.start(watched, ticks);
                fresh.onClosed(() -> publishers.remove(watched, fresh));
                fresh.add(subscriber);
                return fresh;
            });
        } catch (TooManyRequestsException full) {
            release.run();
            throw full;
        }
        return emitter;
    }

    /** Things being read for their subscribers now. */
    public int publishers() {
        return publishers.size();
    }

    /** Reports the streams open now as the gauge {@code losslens.streams.open} with tag {@code kind}. */
    public StreamRegistry<K, S> meteredAs(String kind, MeterRegistry meters) {
        Gauge.builder("losslens.streams.open", slots, StreamSlots::open).tag("kind", kind)
                .description("Event streams open on this instance").register(meters);
        return this;
    }

    public void shutdown() {
        ticks.shutdownNow();
    }
}
