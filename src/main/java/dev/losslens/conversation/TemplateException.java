package dev.losslens.conversation;

/**
 * A template that could not be rendered: why, its line (1-based, 0 when none applies) and jinjava's own words for a
 * syntax or runtime error.
 */
public class TemplateException extends RuntimeException {

    /** Why rendering stopped. */
    public enum Reason {
        /** The template does not parse or raised an error while rendering. */
        ERROR,
        /** Rendering ran over the time limit. */
        TOO_SLOW,
        /** The output, a string or a list grew over its limit. */
        TOO_LARGE,
        /** It uses {@code include}, {@code import}, {@code from} or {@code extends}: templates read no other files. */
        FORBIDDEN_TAG,
        /** Every renderer is busy with other templates. */
        BUSY
    }

    private final Reason reason;
    private final int line;

    TemplateException(Reason reason, int line, String detail) {
        super(detail);
        this.reason = reason;
        this.line = line;
    }

    public Reason reason() {
        return reason;
    }

    public int line() {
        return line;
    }
}
