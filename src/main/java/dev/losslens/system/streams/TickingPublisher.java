package dev.losslens.system.streams;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One watched thing (a run, a class session) pushed to its browsers at a cost per thing, not per browser: once per
 * tick {@link #publish()} reads it once and sends each subscriber its news. A subscriber that leaves is dropped at
 * once; with the last one gone the publisher stops, reads nothing more and tells its registry.
 *
 * @param <S> a subscriber, with whatever it remembers of what it has been sent
 */
public abstract class TickingPublisher<S extends TickingPublisher.Subscriber> {

    private static final Logger log = LoggerFactory.getLogger(TickingPublisher.class);

    private final List<S> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticks;
    private final Duration tick;
    private ScheduledFuture<?> task;
    private Runnable onClosed = () -> { };
    private boolean closed;

    protected TickingPublisher(ScheduledExecutorService ticks, Duration tick) {
        this.ticks = ticks;
        this.tick = tick;
    }

    public void onClosed(Runnable action) {
        this.onClosed = action;
    }

    /** @return false if this publisher has already stopped; the caller then starts a new one */
    public synchronized boolean add(S subscriber) {
        if (closed) {
            return false;
        }
        admit(subscribers.size());
        subscribers.add(subscriber);
        subscriber.emitter().onCompletion(() -> drop(subscriber));
        subscriber.emitter().onTimeout(() -> drop(subscriber));
        subscriber.emitter().onError(error -> drop(subscriber));
        welcome(subscriber);
        if (task == null) {
            task = ticks.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        }
        return true;
    }

    /** Turns a newcomer away (by throwing) when there are already {@code watching}; by default nobody is. */
    protected void admit(int watching) {
    }

    /** Sends a newcomer what it should see at once; by default it waits for the next tick. */
    protected void welcome(S subscriber) {
    }

    /** Reads the watched thing once and sends each subscriber its news, dropping those that are gone. */
    protected abstract void publish();

    protected List<S> subscribers() {
        return subscribers;
    }

    protected void drop(S subscriber) {
        if (subscribers.remove(subscriber)) {
            subscriber.release().run();
        }
    }

    private void tick() {
        try {
            if (subscribers.isEmpty()) {
                closeIfUnwatched();
                return;
            }
            publish();
        } catch (RuntimeException e) {
            // a database hiccup must not end the streams: the next tick reads again
            log.warn("could not read {} for its watchers", this, e);
        }
    }

    protected void closeIfUnwatched() {
        synchronized (this) {
            if (!subscribers.isEmpty() || closed) {
                return;
            }
            closed = true;
            task.cancel(false);
        }
        // outside the lock: the registry may be adding a subscriber to this publisher right now
        onClosed.run();
    }

    /** One browser's stream, and what to give back when it leaves. */
    public interface Subscriber {

        SseEmitter emitter();

        Runnable release();

        /** @return false when the client is gone; its publisher then drops it */
        default boolean send(SseEmitter.SseEventBuilder event) {
            try {
                emitter().send(event);
                return true;
            } catch (IOException | IllegalStateException gone) {
                return false;
            }
        }

        /** A comment that reaches nobody's page: only a dead connection notices it, by failing. */
        default boolean heartbeat() {
            return send(SseEmitter.event().comment("heartbeat"));
        }
    }
}
