package dev.losslens.system.web;

import dev.losslens.system.rejection.RejectedRequestException;
import dev.losslens.system.words.Wording;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page request the app turns down answers the error page with its 4xx and says what to fix, in the reader's language.
 * Errors no LossLens code words (a missing page) show the page's own words for their status, never the container's.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private final Wording wording;

    PageExceptionHandler(Wording wording) {
        this.wording = wording;
    }

    @ExceptionHandler(RejectedRequestException.class)
    ModelAndView rejected(RejectedRequestException e) {
        HttpStatus status = e.status();
        return new ModelAndView("error", Map.of("status", status.value(), "error", status.getReasonPhrase(),
                "detail", wording.page(e.rejections().get(0))), status);
    }
}
