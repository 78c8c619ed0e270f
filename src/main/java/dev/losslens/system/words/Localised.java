package dev.losslens.system.words;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * One thing (a question bank, a lecture deck) in every language the pages speak, handed out in the reader's: the
 * language of the request being answered, English anywhere else (start-up, background threads, the API).
 */
public final class Localised<T> {

    private final Map<Locale, T> versions = new LinkedHashMap<>();

    /** Builds the thing once per language, English first, so a fault in the original is reported as such. */
    public Localised(Function<Locale, T> build) {
        Languages.AVAILABLE.forEach(locale -> versions.put(locale, build.apply(locale)));
    }

    /** In the language of the request being answered. */
    public T current() {
        return versions.get(Languages.available(LocaleContextHolder.getLocale().toLanguageTag()));
    }

    public T english() {
        return versions.get(Languages.ENGLISH);
    }

    public T in(Locale locale) {
        return versions.get(Languages.available(locale.toLanguageTag()));
    }
}
