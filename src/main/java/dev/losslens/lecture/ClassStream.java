package dev.losslens.lecture;

import dev.losslens.system.rejection.NotFoundException;
import dev.losslens.system.rejection.TooManyRequestsException;
import dev.losslens.system.streams.StreamRegistry;
import dev.losslens.system.streams.StreamSlots;
import dev.losslens.system.streams.TickingPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
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
    private final ClassSnapshots snapshots;
    private final LectureProperties limits;
    private final StreamRegistry<String, Screen> streams;

    ClassStream(ClassService classes, ClassSnapshots snapshots, LectureProperties limits, MeterRegistry meters) {
        this.classes = classes;
        this.snapshots = snapshots;
        this.limits = limits;
        this.streams = new StreamRegistry<>("losslens-class-events", new StreamSlots.Limits(limits.maxStreams(),
                limits.maxStreamsPerClient(), limits.maxStreamsPerPerson(), "streams.class"), limits.streamTimeout(),
                Publisher::new, Screen::new).meteredAs("classes", meters);
    }

    SseEmitter subscribe(ClassSession session, String person, String address) {
        return streams.subscribe(session.code(), person, address);
    }

    /** Sessions being read for their screens now. */
    int publishers() {
        return streams.publishers();
    }

    @PreDestroy
    void shutdown() {
        streams.shutdown();
    }

    /** One watched session: reads it once per tick and fans the snapshot out when it has changed. */
    private final class Publisher extends TickingPublisher<Screen> {

        private final String code;
        private volatile ClassState last;
        private long lastSent = System.nanoTime();

        Publisher(String code, ScheduledExecutorService ticks) {
            super(ticks, limits.tick());
            this.code = code;
        }

        @Override
        protected void admit(int watching) {
            if (watching >= limits.maxStreamsPerSession()) {
                throw new TooManyRequestsException("events", "streams.class.session", limits.maxStreamsPerSession());
            }
        }

        @Override
        protected void welcome(Screen subscriber) {
            ClassState known = last;
            if (known != null && !subscriber.send(event(known))) {
                drop(subscriber);
            }
        }

        @Override
        protected void publish() {
            ClassState state;
            try {
                state = snapshots.state(classes.session(code));
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
                    if (!(changed ? subscriber.send(event(state)) : subscriber.heartbeat())) {
                        drop(subscriber);
                    }
                }
            }
        }

        /** A new event for every screen: a built event cannot be sent twice. */
        private static SseEmitter.SseEventBuilder event(ClassState state) {
            return SseEmitter.event().name("state").data(state);
        }

        @Override
        public String toString() {
            return "class session " + code;
        }
    }

    /** One screen's stream. */
    private record Screen(SseEmitter emitter, Runnable release) implements TickingPublisher.Subscriber {
    }
}
