package dev.losslens.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open event streams of one kind, capped per client address and in total, so that no client can take every
 * stream of the instance.
 */
public final class StreamSlots {

    private final int maxTotal;
    private final int maxPerClient;
    private final String clientFull;
    private final String serverFull;
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    /**
     * @param clientFull the refusal when the client holds its share, with {@code %d} for the cap
     * @param serverFull the refusal when the instance holds its total, with {@code %d} for the cap
     */
    public StreamSlots(int maxTotal, int maxPerClient, String clientFull, String serverFull) {
        this.maxTotal = maxTotal;
        this.maxPerClient = maxPerClient;
        this.clientFull = clientFull;
        this.serverFull = serverFull;
    }

    /**
     * Takes a slot for the client's new stream.
     *
     * @return what gives the slot back when the stream ends
     * @throws TooManyRequestsException when the client or the instance is at its cap
     */
    public Runnable reserve(String client) {
        if (perClient.merge(client, 1, Integer::sum) > maxPerClient) {
            release(client);
            throw new TooManyRequestsException("events", clientFull.formatted(maxPerClient));
        }
        if (open.incrementAndGet() > maxTotal) {
            open.decrementAndGet();
            release(client);
            throw new TooManyRequestsException("events", serverFull.formatted(maxTotal));
        }
        return () -> {
            open.decrementAndGet();
            release(client);
        };
    }

    private void release(String client) {
        perClient.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
    }
}
