package dev.losslens.lecture;

import dev.losslens.system.NotFoundException;
import dev.losslens.system.StreamSlots;
import dev.losslens.system.TickingPublisher;
import dev.losslens.system.TooManyRequestsException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes a class session to every screen at a cost per session, not per phone: one publisher per watched session reads
 * the database once per tick (the session, its poll and count; the votes only once revealed) and sends the snapshot
 * to every subscriber when it changed. Streams are capped per session, per person, per client address and in total.
 */
@Component
class ClassStream {

    private final ClassService classes;
    private final LectureProperties limits;
    private final Map<String, Publisher> publishers = new ConcurrentHashMap<>();
    private final StreamSlots slots;
    private final ScheduledExecutorService ticks = TickingPublisher.ticks("losslens-class-events");

    ClassStream(ClassService classes, LectureProperties limits) {
        this.classes = classes;
        this.limits = limits;
        this.slots = new StreamSlots(new StreamSlots.Limits(limits.maxStreams(), limits.maxStreamsPerClient(),
                limits.maxStreamsPerPerson(), "You have %d class streams open; close a lecture or join page first",
                "Your network has %d class streams open; try again shortly",
                "The server has %d class streams open; try again shortly"));
    }

    SseEmitter subscribe(ClassSession session, String person, String address) {
        Runnable release = slots.reserve(person, address);
        SseEmitter emitter = new SseEmitter(limits.streamTimeout().toMillis());
        try {
            Screen subscriber = new Screen(emitter, release);
            publishers.compute(session.code(), (code, publisher) -> {
                if (publisher != null && publisher.add(subscriber)) {
                    return publisher;
                }
                Publisher fresh = new Publisher(code);
                fresh.onClosed(() -> publishers.remove(code, fresh));
                fresh.add(subscriber);
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
    private final class Publisher extends TickingPublisher<Screen> {

        private final String code;
        private volatile ClassState last;
        private long lastSent = System.nanoTime();

        Publisher(String code) {
            super(ticks, limits.tick());
            this.code = code;
        }

        @Override
        protected void admit(int watching) {
            if (watching >= limits.maxStreamsPerSession()) {
                throw new TooManyRequestsException("events", "This session already has %d screens following it"
                        .formatted(limits.maxStreamsPerSession()));
            }
        }

        @Override
        protected void welcome(Screen subscriber) {
            ClassState known = last;
            if (known != null && !subscriber.send(known)) {
                drop(subscriber);
            }
        }

        @Override
        protected void publish() {
            ClassState state;
            try {
                state = classes.state(classes.session(code));
            } catch (NotFoundException ended) {
                // the session expired: its screens are let go, and the publisher stops at the next tick
                subscribers().forEach(screen -> {
                    screen.emitter().complete();
                    drop(screen);
                });
                return;
            }
            boolean changed = !state.equals(last);
            boolean heartbeat = System.nanoTime() - lastSent > limits.heartbeat().toNanos();
            if (changed) {
                last = state;
            }
            if (changed || heartbeat) {
                lastSent = System.nanoTime();
                for (Screen subscriber : subscribers()) {
                    if (!(changed ? subscriber.send(state) : subscriber.heartbeat())) {
                        drop(subscriber);
                    }
                }
            }
        }

        @Override
        public String toString() {
            return "class session " + code;
        }
    }

    /** One screen's stream. */
    private record Screen(SseEmitter emitter, Runnable release) implements TickingPublisher.Subscriber {

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
