package dev.losslens.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

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

    /**
     * Computes {@code loss} recording its operations, then back-propagates it into every weight that requires a
     * gradient; returns the loss. PyTorch's grad mode is per thread, so trainers on several threads record at once
     * (DJL's GradientCollector allows one in the whole process).
     */
    public static NDArray backward(Supplier<NDArray> loss) {
        JniUtils.setGradMode(true);
        try {
            NDArray value = loss.get();
            JniUtils.backward((PtNDArray) value, (PtNDArray) value.onesLike(), false, false);
            return value;
        } finally {
            JniUtils.setGradMode(false);
        }
    }
}
