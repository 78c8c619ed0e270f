package dev.losslens.system.rejection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;

/**
 * Reads a form or request field by field and keeps every rejection, so a person sees all that is wrong at once. The
 * first rejection's status is the answer's; a field is reported once, for its first fault.
 */
public final class FormErrors {

    private final List<Rejection> rejections = new ArrayList<>();
    private HttpStatus status = HttpStatus.OK;

    /** The step's value, or null when it was rejected. */
    public <T> T attempt(Supplier<T> step) {
        try {
            return step.get();
        } catch (RejectedRequestException e) {
            e.rejections().stream().filter(rejection -> !has(rejection.field())).forEach(rejections::add);
            if (status == HttpStatus.OK) {
                status = e.status();
            }
            return null;
        }
    }

    public boolean isEmpty() {
        return rejections.isEmpty();
    }

    public boolean has(String field) {
        return rejections.stream().anyMatch(rejection -> rejection.field().equals(field));
    }

    public List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    public HttpStatus status() {
        return status;
    }

    /** Rejects the whole request, naming every field that was wrong, if any was. */
    public void throwIfAny() {
        if (!rejections.isEmpty()) {
            throw new RejectedFieldsException(status, rejections);
        }
    }
}
