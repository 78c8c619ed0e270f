package dev.losslens.system;

/** A request names something (dataset, pair, checkpoint, run) that does not exist; answered with 404. */
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
