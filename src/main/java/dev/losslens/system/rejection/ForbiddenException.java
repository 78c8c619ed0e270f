package dev.losslens.system.rejection;

import org.springframework.http.HttpStatus;

/** The request names something real that this client may not change. */
public class ForbiddenException extends RejectedRequestException {

    public ForbiddenException(String field, String code, Object... arguments) {
        super(HttpStatus.FORBIDDEN, field, code, arguments);
    }
}
