package dev.losslens.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads that may touch DJL. PyTorch's grad mode is per thread and starts <em>on</em> in a fresh thread, so
 * each of ours switches it off first; only the training loop turns it on, inside its gradient collector.
 */
public final class DjlThreads {

    private DjlThreads() {
    }

    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(() -> {
                Engine.getEngine("PyTorch");
                JniUtils.setGradMode(false);
                runnable.run();
            }, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
