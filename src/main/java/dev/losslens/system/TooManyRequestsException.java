package dev.losslens.system;

/** A limit on waiting work is reached; answered with 429 and nothing is stored. */
public class TooManyRequestsException extends RuntimeException {

    private final String field;

    public TooManyRequestsException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
