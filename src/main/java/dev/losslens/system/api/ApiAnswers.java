package dev.losslens.system.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an API operation really answers, for the OpenAPI document: its success status, the problem statuses it
 * answers with {@code application/problem+json}, and for an event stream the names of its events. Every write also
 * answers 403 (a cross-site request) and 413 (a body over the cap), and every operation with a body 400 (not JSON of
 * its shape) and 415 (another content type); the document adds those by itself.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiAnswers {

    int success() default 200;

    int[] problems() default {};

    /** The event names of a {@code text/event-stream}; empty for any other answer. */
    String[] events() default {};
}
