package dev.losslens.system.rejection;

import java.util.function.Function;

/**
 * Numbers typed into a form: blank is absent (null); anything else must read as a number, or the field is rejected
 * naming what was typed. A decimal comma reads as a point, as phones in many languages type it.
 */
public final class FormNumbers {

    private FormNumbers() {
    }

    public static Integer integer(String field, String value) {
        return read(field, value, Integer::valueOf);
    }

    public static Long whole(String field, String value) {
        return read(field, value, Long::valueOf);
    }

    public static Double decimal(String field, String value) {
        return read(field, value, text -> Double.valueOf(text.replace(',', '.')));
    }

    private static <T> T read(String field, String value, Function<String, T> parse) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "not-a-number", new Rejection.Field(field), value.strip());
        }
    }
}
