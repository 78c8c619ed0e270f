package dev.losslens.system;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Several fields rejected at once; the first names the answer's {@code field}, all are listed. */
public class RejectedFieldsException extends RejectedRequestException {

    private final Map<String, String> errors;

    RejectedFieldsException(HttpStatus status, Map<String, String> errors) {
        super(status, errors.keySet().iterator().next(), errors.values().iterator().next());
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    @Override
    public Map<String, String> errors() {
        return errors;
    }
}
