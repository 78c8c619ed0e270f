package dev.losslens.training;

import ai.djl.ndarray.NDManager;
import dev.losslens.model.Checkpoints;
import dev.losslens.model.GptParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The bundled pre-trained base, read from the classpath (see {@link BasePretraining} for how it was made). */
final class BaseCheckpoint {

    static final String ID = "base";

    private BaseCheckpoint() {
    }

    static boolean bundled() {
        return BaseCheckpoint.class.getClassLoader().getResource(BasePretraining.RESOURCE) != null;
    }

    static GptParameters load(NDManager manager) {
        try (InputStream in = BaseCheckpoint.class.getClassLoader().getResourceAsStream(BasePretraining.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + BasePretraining.RESOURCE);
            }
            return Checkpoints.read(in, manager);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
