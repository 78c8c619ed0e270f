package dev.losslens.command;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Reads a Server-Sent Events stream line by line and counts its events: an event is dispatched by the blank line
 * after its data, so the heartbeat comments that keep a quiet stream alive are not counted.
 */
final class EventCounter implements Flow.Subscriber<String> {

    private final long started;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Flow.Subscription subscription;
    private volatile long firstEvent = -1;
    private volatile int events;
    private volatile boolean broken;
    private volatile boolean cancelled;
    private boolean pendingData;

    /** @param started when the request was sent, by {@link System#nanoTime()} */
    EventCounter(long started) {
        this.started = started;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (line.startsWith("data:")) {
            pendingData = true;
        } else if (line.isEmpty() && pendingData) {
            pendingData = false;
            if (events == 0) {
                firstEvent = System.nanoTime() - started;
            }
            events++;
        }
    }

    @Override
    public void onError(Throwable failure) {
        broken = !cancelled;
        ended.countDown();
    }

    @Override
    public void onComplete() {
        ended.countDown();
    }

    /** Reads until the server ends the stream or {@code watch} has passed, then hangs up as a closed tab would. */
    void watch(Duration watch) throws InterruptedException {
        ended.await(watch.toMillis(), TimeUnit.MILLISECONDS);
        cancelled = true;
        Flow.Subscription open = subscription;
        if (open != null) {
            open.cancel();
        }
    }

    /** Nanoseconds from the request to the first event; negative when none came. */
    long firstEvent() {
        return firstEvent;
    }

    int events() {
        return events;
    }

    /** The stream failed before it ended or was closed by the reader. */
    boolean broken() {
        return broken;
    }
}
