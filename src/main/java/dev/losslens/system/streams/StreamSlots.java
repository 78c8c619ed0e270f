package dev.losslens.system.streams;

import dev.losslens.system.rejection.TooManyRequestsException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open event streams of one kind, capped per person (an anonymous cookie or token), per client address and in
 * total: the address ceiling is high enough for a lecture hall behind one NAT, and no client can take every stream of
 * the instance.
 */
public final class StreamSlots {

    private final Limits limits;
    private final Map<String, Integer> perPerson = new ConcurrentHashMap<>();
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    /**
     * The caps, and the errors bundle's words for a refused client: {@code refusals} + {@code .person},
     * {@code .address} and {@code .server}, each with its cap for {0}.
     */
    public record Limits(int maxTotal, int maxPerAddress, int maxPerPerson, String refusals) {
    }

    public StreamSlots(Limits limits) {
        this.limits = limits;
    }

    /**
     * Takes a slot for a new stream.
     *
     * @param person who asks: a hash of their anonymous secret, or their address when they have none
     * @return what gives the slot back when the stream ends
     * @throws TooManyRequestsException when the person, the address or the instance is at its cap
     */
    public Runnable reserve(String person, String address) {
        take(perPerson, person, limits.maxPerPerson(), limits.refusals() + ".person");
        try {
            take(perAddress, address, limits.maxPerAddress(), limits.refusals() + ".address");
        } catch (TooManyRequestsException full) {
            give(perPerson, person);
            throw full;
        }
        if (open.incrementAndGet() > limits.maxTotal()) {
            open.decrementAndGet();
            give(perPerson, person);
            give(perAddress, address);
            throw new TooManyRequestsException("events", limits.refusals() + ".server", limits.maxTotal());
        }
        return () -> {
            open.decrementAndGet();
            give(perPerson, person);
            give(perAddress, address);
        };
    }

    /** Streams open now. */
    public int open() {
        return open.get();
    }

    private static void take(Map<String, Integer> counts, String key, int cap, String refusal) {
        if (counts.merge(key, 1, Integer::sum) > cap) {
            give(counts, key);
            throw new TooManyRequestsException("events", refusal, cap);
        }
    }

    private static void give(Map<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
    }
}
