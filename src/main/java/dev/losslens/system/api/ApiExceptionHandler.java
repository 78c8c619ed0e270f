package dev.losslens.system.api;

import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.RejectedRequestException;
import dev.losslens.system.rejection.Rejection;
import dev.losslens.system.words.Wording;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Every rejected API request answers {@code application/problem+json} with a {@code field} property naming what
 * to fix (and {@code errors}, field → message, when several are wrong). Nothing is stored before validation passes, so a rejection never changes stored data.
 */
/** Ahead of the page handler, which would otherwise answer API errors with an HTML page. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final Wording wording;

    ApiExceptionHandler(Wording wording) {
        this.wording = wording;
    }

    @ExceptionHandler(RejectedRequestException.class)
    ProblemDetail rejected(RejectedRequestException e) {
        List<Rejection> rejections = e.rejections();
        ProblemDetail problem = problem(e.status(), wording.api(rejections.get(0)), e.field());
        if (rejections.size() > 1) {
            Map<String, String> errors = new LinkedHashMap<>();
            rejections.forEach(rejection -> errors.put(rejection.field(), wording.api(rejection)));
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return rejected(new InvalidInputException(e.getName(), "not-valid", String.valueOf(e.getValue()),
                new Rejection.Field(e.getName())));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = e.getMostSpecificCause() instanceof DatabindException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream()
                        .map(reference -> reference.getPropertyName() != null
                                ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                        .collect(Collectors.joining("."))
                : "body";
        return ResponseEntity.badRequest().body(rejected("body".equals(field)
                ? new InvalidInputException(field, "body.unreadable")
                : new InvalidInputException(field, "body.wrong-type", new Rejection.Field(field))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                wording.api(new Rejection("Content-Type", "body.media-type", List.of())), "Content-Type");
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem);
    }

    static ProblemDetail problem(HttpStatus status, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("field", field);
        return problem;
    }
}
