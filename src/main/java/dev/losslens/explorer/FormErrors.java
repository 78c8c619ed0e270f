package dev.losslens.explorer;

import dev.losslens.system.RejectedRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;

/** Reads a form field by field; a rejected value becomes an inline message and sets the page's 4xx status. */
final class FormErrors {

    private final Map<String, String> messages = new LinkedHashMap<>();
    private HttpStatus status = HttpStatus.OK;

    /** The step's value, or null when it was rejected. */
    <T> T attempt(Supplier<T> step) {
        try {
            return step.get();
        } catch (RejectedRequestException e) {
            messages.putIfAbsent(e.field(), e.getMessage());
            if (status == HttpStatus.OK) {
                status = e.status();
            }
            return null;
        }
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    Map<String, String> messages() {
        return messages;
    }

    HttpStatus status() {
        return status;
    }
}
