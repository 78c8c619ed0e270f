package dev.losslens.system;

/** A request value that is present but unacceptable; answered with 400 and the offending field. */
public class InvalidInputException extends RejectedRequestException {

    public InvalidInputException(String field, String message) {
        super(field, message);
    }
}
