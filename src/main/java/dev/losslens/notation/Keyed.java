package dev.losslens.notation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum known outside the code by one word: in the API, the database, URLs, forms and data files. The word is the
 * constant's name in lower case with dashes ({@code ALL_TARGETS} is {@code all-targets}); JSON reads and writes it.
 */
public interface Keyed {

    String name();

    @JsonValue
    default String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E> & Keyed> Optional<E> parse(Class<E> type, String key) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.key().equals(key)).findFirst();
    }

    /** The one whose word {@code key} is; only for words the app itself stored. */
    static <E extends Enum<E> & Keyed> E of(Class<E> type, String key) {
        return parse(type, key).orElseThrow(() -> new IllegalArgumentException("no " + type.getSimpleName() + " " + key));
    }

    /** Every word, for a sentence naming what is allowed: {@code "next, back, go"}. */
    static <E extends Enum<E> & Keyed> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Keyed::key).collect(Collectors.joining(", "));
    }
}
