package dev.losslens.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;

/**
 * Reads a form or request field by field and keeps every rejection, so a person sees all that is wrong at once. The
 * first rejection's status is the answer's.
 */
public final class FormErrors {

    private final Map<String, String> messages = new LinkedHashMap<>();
    private HttpStatus status = HttpStatus.OK;

    /** The step's value, or null when it was rejected. */
    public <T> T attempt(Supplier<T> step) {
        try {
            return step.get();
        } catch (RejectedRequestException e) {
            e.errors().forEach(messages::putIfAbsent);
            if (status == HttpStatus.OK) {
                status = e.status();
            }
            return null;
        }
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public Map<String, String> messages() {
        return messages;
    }

    public HttpStatus status() {
        return status;
    }

    /** Rejects the whole request, naming every field that was wrong, if any was. */
    public void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new RejectedFieldsException(status, messages);
        }
    }
}
