package dev.losslens.checkpoint;

/** No source offers a checkpoint with this id. */
public class UnknownCheckpointException extends RuntimeException {

    public UnknownCheckpointException(String id) {
        super("Unknown checkpoint '" + id + "'");
    }
}
