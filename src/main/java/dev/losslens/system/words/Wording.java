package dev.losslens.system.words;

import dev.losslens.notation.PlainNumber;
import dev.losslens.system.rejection.FormErrors;
import dev.losslens.system.rejection.Rejection;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Words a rejection from the errors bundle: for the API in English with fields named as the API spells them, for a
 * page in the reader's language with fields named by the labels beside their controls ({@code field.*} keys).
 * Numbers are written plainly (2000, 0.00001) whatever the language, as the forms read them.
 */
@Component
public class Wording {

    private final MessageSource messages;

    public Wording(MessageSource messages) {
        this.messages = messages;
    }

    public String api(Rejection rejection) {
        return word(rejection, Locale.ENGLISH, Rejection.Field::path);
    }

    /** For the page being answered, fields named by their labels. */
    public String page(Rejection rejection) {
        return page(rejection, this::label);
    }

    /** For the page being answered, fields named by the page's own names for them. */
    public String page(Rejection rejection, Function<Rejection.Field, String> names) {
        return word(rejection, LocaleContextHolder.getLocale(), names);
    }

    /** Field → message, for a page that shows each beside its control. */
    public Map<String, String> page(FormErrors errors) {
        Map<String, String> worded = new LinkedHashMap<>();
        errors.rejections().forEach(rejection -> worded.put(rejection.field(), page(rejection)));
        return worded;
    }

    /** The label of a field's control, in the reader's language; its path when it has none. */
    public String label(Rejection.Field field) {
        return messages.getMessage("field." + field.path(), null, field.path(), LocaleContextHolder.getLocale());
    }

    /** A page sentence from the bundle, in the reader's language. */
    public String page(String code, Object... arguments) {
        return page(sentence(code, arguments));
    }

    /** A sentence of the bundles, worded where it is shown: its code, and arguments as {@code plain} writes them. */
    public static MessageSourceResolvable sentence(String code, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] {code}, arguments);
    }

    /** A sentence from the bundle for the page being answered. */
    public String page(MessageSourceResolvable sentence) {
        return word(sentence, LocaleContextHolder.getLocale());
    }

    /** A sentence from the bundle for the API, in English. */
    public String api(MessageSourceResolvable sentence) {
        return word(sentence, Locale.ENGLISH);
    }

    private String word(MessageSourceResolvable sentence, Locale locale) {
        Object[] arguments = sentence.getArguments() == null ? new Object[0] : sentence.getArguments();
        return messages.getMessage(sentence.getCodes()[0], plain(Arrays.asList(arguments), Rejection.Field::path, locale),
                locale);
    }

    private String word(Rejection rejection, Locale locale, Function<Rejection.Field, String> names) {
        return messages.getMessage(rejection.code(), plain(rejection.arguments(), names, locale), locale);
    }

    /**
     * Items shown as one argument, joined by the bundle's {@code separator} (a plain list is joined by
     * {@code list.separator}).
     */
    public record Listed(List<?> items, String separator) {
    }

    private String join(List<?> items, String separator, Function<Rejection.Field, String> names, Locale locale) {
        return Arrays.stream(plain(items, names, locale)).map(String::valueOf)
                .collect(Collectors.joining(messages.getMessage(separator, null, locale)));
    }

    /**
     * Arguments as the message shows them: a field by its name, a nested sentence worded in the same language, a
     * list as its items joined by the language's separator, a number plainly.
     */
    private Object[] plain(List<?> arguments, Function<Rejection.Field, String> names, Locale locale) {
        return arguments.stream().map(argument -> {
            if (argument instanceof Rejection.Field field) {
                return names.apply(field);
            }
            if (argument instanceof MessageSourceResolvable sentence) {
                return word(sentence, locale);
            }
            if (argument instanceof List<?> items) {
                return join(items, "list.separator", names, locale);
            }
            if (argument instanceof Listed listed) {
                return join(listed.items(), listed.separator(), names, locale);
            }
            if (argument instanceof Double number && !Double.isFinite(number)) {
                return String.valueOf(number);
            }
            return argument instanceof Number number ? PlainNumber.of(number) : argument;
        }).toArray();
    }
}
