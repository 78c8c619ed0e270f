package dev.losslens.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** How LossLens runs the PyTorch engine, and the threads that may touch it. */
public final class DjlEngine {

    private DjlEngine() {
    }

    /**
     * PyTorch runs offline from the bundled native library, on one intra-op and one inter-op thread: with more,
     * identical seeds drift apart between runs. Call before the engine starts.
     */
    public static void configure() {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
        System.setProperty("ai.djl.pytorch.num_interop_threads",
                System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
    }

    /**
     * A thread that may touch DJL. PyTorch's grad mode is per thread and starts <em>on</em> in a fresh thread, so
     * it is switched off first; only the training step turns it on, inside its gradient collector.
     */
    public static ExecutorService thread(String name) {
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
