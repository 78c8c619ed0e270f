package dev.losslens.system;

/** A request names something (dataset, pair, checkpoint, run) that does not exist; answered with 404. */
public class NotFoundException extends RejectedRequestException {

    public NotFoundException(String field, String message) {
        super(field, message);
    }
}
