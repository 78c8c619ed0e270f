package dev.losslens.model;

import ai.djl.ndarray.NDManager;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/** A test's own DJL thread: each piece of work gets a fresh manager, closed when the work returns. */
public final class DjlTestThread implements AutoCloseable {

    private final ExecutorService thread;

    public DjlTestThread(String name) {
        this.thread = DjlEngine.thread(name);
    }

    public <T> T run(Function<NDManager, T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try (NDManager manager = NDManager.newBaseManager()) {
                return work.apply(manager);
            }
        }, thread).join();
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
