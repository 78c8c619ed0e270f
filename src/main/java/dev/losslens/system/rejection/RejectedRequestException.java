package dev.losslens.system.rejection;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A request the app turns down, naming the field to fix; the API answers it as problem+json. */
public abstract class RejectedRequestException extends RuntimeException {

    private final HttpStatus status;
    private final Rejection rejection;

    /** @param code a key of the errors bundle; {@code arguments} fill its placeholders */
    protected RejectedRequestException(HttpStatus status, String field, String code, Object... arguments) {
        // for the log only: people read the message worded from the bundle
        super(field + ": " + code + " " + Arrays.toString(arguments));
        this.status = status;
        this.rejection = new Rejection(field, code, List.of(arguments));
    }

    /** The 4xx a page or the API answers this rejection with. */
    public HttpStatus status() {
        return status;
    }

    public String field() {
        return rejection.field();
    }

    /** Every rejected field, in the order they were read. */
    public List<Rejection> rejections() {
        return List.of(rejection);
    }
}
