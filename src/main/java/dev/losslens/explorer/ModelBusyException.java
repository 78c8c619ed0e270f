package dev.losslens.explorer;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The inference thread did not answer in time; the client may retry. */
@ResponseStatus(value = HttpStatus.SERVICE_UNAVAILABLE, reason = "The model is busy; try again in a moment")
class ModelBusyException extends RuntimeException {
}
