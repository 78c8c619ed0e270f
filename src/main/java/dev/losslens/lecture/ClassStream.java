package dev.losslens.lecture;

import dev.losslens.system.TooManyRequestsException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes a class session to every screen at a cost per session, not per phone: one publisher per watched session reads
 * the database once per tick (the session, its poll and count; the votes only once revealed) and sends the snapshot
 * to every subscriber when it changed. Streams are capped per session and in total.
 */
@Component
class ClassStream {

    private static final Logger log = LoggerFactory.getLogger(ClassStream.class);

    private final ClassService classes;
    private final LectureProperties limits;
    private final Map<String, Publisher> publishers = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "losslens-class-events");
        thread.setDaemon(true);
        return thread;
    });

    ClassStream(ClassService classes, LectureProperties limits) {
        this.classes = classes;
        this.limits = limits;
    }

    SseEmitter subscribe(ClassSession session) {
        if (open.incrementAndGet() > limits.maxStreams()) {
            open.decrementAndGet();
            throw new TooManyRequestsException("events", "The server has %d class streams open; try again shortly"
                    .formatted(limits.maxStreams()));
        }
        SseEmitter emitter = new SseEmitter(limits.streamTimeout().toMillis());
        Runnable release = open::decrementAndGet;
        try {
            publishers.compute(session.code(), (code, publisher) -> {
                if (publisher != null && publisher.add(emitter, release)) {
                    return publisher;
                }
                Publisher fresh = new Publisher(code);
                fresh.add(emitter, release);
                return fresh;
            });
        } catch (TooManyRequestsException full) {
            release.run();
            throw full;
        }
        return emitter;
    }

    /** Sessions being read for their screens now. */
    int publishers() {
        return publishers.size();
    }

    @PreDestroy
    void shutdown() {
        ticks.shutdownNow();
    }

    /** One watched session: reads it once per tick and fans the snapshot out when it has changed. */
    private final class Publisher {

        private final String code;
        private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
        private ScheduledFuture<?> task;
        private boolean closed;
        private volatile ClassState last;
        private long lastSent = System.nanoTime();

        Publisher(String code) {
            this.code = code;
        }

        /** @return false if this publisher has already stopped; the caller then starts a new one */
        synchronized boolean add(SseEmitter emitter, Runnable release) {
            if (closed) {
                return false;
            }
            if (subscribers.size() >= limits.maxStreamsPerSession()) {
                throw new TooManyRequestsException("events", "This session already has %d screens following it"
                        .formatted(limits.maxStreamsPerSession()));
            }
            Subscriber subscriber = new Subscriber(emitter, release);
            subscribers.add(subscriber);
            emitter.onCompletion(() -> drop(subscriber));
            emitter.onTimeout(() -> drop(subscriber));
            emitter.onError(error -> drop(subscriber));
            ClassState known = last;
            if (known != null && !subscriber.send(known)) {
                drop(subscriber);
            }
            if (task == null) {
                task = ticks.scheduleWithFixedDelay(this::tick, 0, limits.tick().toMillis(), TimeUnit.MILLISECONDS);
            }
            return true;
        }

        private void drop(Subscriber subscriber) {
            if (subscribers.remove(subscriber)) {
                subscriber.release.run();
            }
        }

        private void tick() {
            try {
                if (subscribers.isEmpty()) {
                    closeIfUnwatched();
                    return;
                }
                ClassState state = classes.state(classes.session(code));
                boolean changed = !state.equals(last);
                boolean heartbeat = System.nanoTime() - lastSent > limits.heartbeat().toNanos();
                if (changed) {
                    last = state;
                }
                if (changed || heartbeat) {
                    lastSent = System.nanoTime();
                    for (Subscriber subscriber : subscribers) {
                        if (!(changed ? subscriber.send(state) : subscriber.heartbeat())) {
                            drop(subscriber);
                        }
                    }
                }
            } catch (RuntimeException e) {
                // an ended session or a database hiccup: the next tick reads again, and an ended one stays quiet
                log.debug("could not read class session {} for its screens", code, e);
            }
        }

        private void closeIfUnwatched() {
            synchronized (this) {
                if (!subscribers.isEmpty() || closed) {
                    return;
                }
                closed = true;
                task.cancel(false);
            }
            publishers.remove(code, this);
        }
    }

    /** One screen's stream. */
    private record Subscriber(SseEmitter emitter, Runnable release) {

        /** @return false when the client is gone */
        boolean send(ClassState state) {
            try {
                emitter.send(SseEmitter.event().name("state").data(state));
                return true;
            } catch (IOException | IllegalStateException gone) {
                return false;
            }
        }

        boolean heartbeat() {
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
                return true;
            } catch (IOException | IllegalStateException gone) {
                return false;
            }
        }
    }
}
