package dev.losslens.model;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The bundled pre-trained base, read from the classpath; the {@code pretrain-base} command writes it. */
public final class BaseCheckpoint {

    public static final String ID = "base";
    public static final String RESOURCE = "sample-datasets/checkpoints/base-tiny.ckpt";

    private BaseCheckpoint() {
    }

    public static boolean bundled() {
        return BaseCheckpoint.class.getClassLoader().getResource(RESOURCE) != null;
    }

    public static GptParameters load(NDManager manager) {
        try (InputStream in = BaseCheckpoint.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return Checkpoints.read(in, manager);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
