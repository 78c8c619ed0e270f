package dev.losslens.checkpoint;

/** No source offers a checkpoint with this id. */
public class UnknownCheckpointException extends RuntimeException {

    private final String id;

    public UnknownCheckpointException(String id) {
        super("Unknown checkpoint '" + id + "'");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
