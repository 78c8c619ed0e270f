package dev.losslens.comparison;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A database read shared by everyone who asks within a second of it, however many ask. */
final class OncePerSecond<T> {

    private static final long FRESH_FOR_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Supplier<T> read;
    private T last;
    private long readAt;

    OncePerSecond(Supplier<T> read) {
        this.read = read;
    }

    synchronized T get() {
        if (last == null || System.nanoTime() - readAt > FRESH_FOR_NANOS) {
            last = read.get();
            readAt = System.nanoTime();
        }
        return last;
    }
}
