package dev.losslens.system;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** A request the app turns down, naming the field to fix; the API answers it as problem+json. */
public abstract class RejectedRequestException extends RuntimeException {

    private final String field;
    private final HttpStatus status;

    protected RejectedRequestException(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    /** The 4xx a page or the API answers this rejection with. */
    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }

    /** Every rejected field with its message, in the order they were read. */
    public Map<String, String> errors() {
        return Map.of(field, getMessage());
    }
}
