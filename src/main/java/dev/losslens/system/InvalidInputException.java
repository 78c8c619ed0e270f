package dev.losslens.system;

/** A request value that is present but unacceptable; answered with 400 and the offending field. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
