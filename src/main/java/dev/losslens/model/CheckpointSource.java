package dev.losslens.model;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Optional;

/** Somewhere checkpoints come from: random initialisation, the bundled base, finished training lanes. */
public interface CheckpointSource {

    List<CheckpointInfo> checkpoints();

    /** Loads the weights into {@code manager}; called on a DJL thread. Empty when the id is not this source's. */
    Optional<GptParameters> open(String id, NDManager manager);
}
