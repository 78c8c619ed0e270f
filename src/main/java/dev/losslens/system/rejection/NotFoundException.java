package dev.losslens.system.rejection;

import org.springframework.http.HttpStatus;

/** A request names something (dataset, pair, checkpoint, run) that does not exist; answered with 404. */
public class NotFoundException extends RejectedRequestException {

    public NotFoundException(String field, String code, Object... arguments) {
        super(HttpStatus.NOT_FOUND, field, code, arguments);
    }
}
