package dev.losslens.checkpoint;

import ai.djl.ndarray.NDManager;
import dev.losslens.model.GptParameters;
import java.util.List;
import java.util.Optional;

/** Somewhere checkpoints come from: random initialisation, the bundled base, finished training lanes. */
public interface CheckpointSource {

    /** What this source lists in the selector; it may hold more than it lists. */
    List<CheckpointInfo> checkpoints();

    /** Any checkpoint this source holds, listed or not. */
    default Optional<CheckpointInfo> find(String id) {
        return checkpoints().stream().filter(info -> info.id().equals(id)).findFirst();
    }

    /** Loads the weights into {@code manager}; called on a DJL thread. Empty when the id is not this source's. */
    Optional<GptParameters> open(String id, NDManager manager);
}
