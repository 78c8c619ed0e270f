package dev.losslens.system.rejection;

import org.springframework.http.HttpStatus;

/** A request value that is present but unacceptable; answered with 400 and the offending field. */
public class InvalidInputException extends RejectedRequestException {

    public InvalidInputException(String field, String code, Object... arguments) {
        super(HttpStatus.BAD_REQUEST, field, code, arguments);
    }
}
