package dev.losslens.system;

/** A request the app turns down, naming the field to fix; the API answers it as problem+json. */
public abstract class RejectedRequestException extends RuntimeException {

    private final String field;

    protected RejectedRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
