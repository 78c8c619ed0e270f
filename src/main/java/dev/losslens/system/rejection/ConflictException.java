package dev.losslens.system.rejection;

import org.springframework.http.HttpStatus;

/** A request that is well formed but cannot be done in the state things are in now, such as a vote on a locked poll. */
public class ConflictException extends RejectedRequestException {

    public ConflictException(String field, String code, Object... arguments) {
        super(HttpStatus.CONFLICT, field, code, arguments);
    }
}
