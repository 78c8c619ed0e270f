package dev.losslens.system.rejection;

import org.springframework.http.HttpStatus;

/** A limit on waiting work is reached; answered with 429 and nothing is stored. */
public class TooManyRequestsException extends RejectedRequestException {

    public TooManyRequestsException(String field, String code, Object... arguments) {
        super(HttpStatus.TOO_MANY_REQUESTS, field, code, arguments);
    }
}
