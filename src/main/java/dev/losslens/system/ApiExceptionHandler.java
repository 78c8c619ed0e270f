package dev.losslens.system;

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

    @ExceptionHandler(RejectedRequestException.class)
    ProblemDetail rejected(RejectedRequestException e) {
        ProblemDetail problem = problem(e.status(), e.getMessage(), e.field());
        if (e.errors().size() > 1) {
            problem.setProperty("errors", e.errors());
        }
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "'%s' is not a valid %s".formatted(e.getValue(), e.getName()), e.getName());
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
        String detail = "body".equals(field)
                ? "The request body is missing or is not valid JSON"
                : "'%s' has the wrong type or format".formatted(field);
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, detail, field));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Send the body as application/json", "Content-Type"));
    }

    static ProblemDetail problem(HttpStatus status, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("field", field);
        return problem;
    }
}
