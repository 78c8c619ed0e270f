package dev.losslens.system;

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
     * The caps and what a refused client is told; each refusal has {@code %d} for its cap.
     */
    public record Limits(int maxTotal, int maxPerAddress, int maxPerPerson, String personFull, String addressFull,
                         String serverFull) {
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
        take(perPerson, person, limits.maxPerPerson(), limits.personFull());
        try {
            take(perAddress, address, limits.maxPerAddress(), limits.addressFull());
        } catch (TooManyRequestsException full) {
            give(perPerson, person);
            throw full;
        }
        if (open.incrementAndGet() > limits.maxTotal()) {
            open.decrementAndGet();
            give(perPerson, person);
            give(perAddress, address);
            throw new TooManyRequestsException("events", limits.serverFull().formatted(limits.maxTotal()));
        }
        return () -> {
            open.decrementAndGet();
            give(perPerson, person);
            give(perAddress, address);
        };
    }

    private static void take(Map<String, Integer> counts, String key, int cap, String refusal) {
        if (counts.merge(key, 1, Integer::sum) > cap) {
            give(counts, key);
            throw new TooManyRequestsException("events", refusal.formatted(cap));
        }
    }

    private static void give(Map<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
    }
}
