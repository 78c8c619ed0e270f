package dev.losslens.system;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A page that names something missing answers the error page with 404 and says what is missing. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        HttpStatus status = HttpStatus.NOT_FOUND;
        return new ModelAndView("error",
                Map.of("status", status.value(), "error", status.getReasonPhrase(), "message", e.getMessage()), status);
    }
}
