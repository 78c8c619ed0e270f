package dev.losslens.system;

import dev.losslens.notation.PlainNumber;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Words a rejection from the errors bundle: for the API in English with fields named as the API spells them, for a
 * page in the reader's language with fields named by the labels beside their controls ({@code field.*} keys).
 * Numbers are written plainly (2000, 0.00001) whatever the language, as the forms read them.
 */
@Component
public class Wording {

    private final MessageSource messages;

    Wording(MessageSource messages) {
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
        return messages.getMessage(code, plain(List.of(arguments), Rejection.Field::path),
                LocaleContextHolder.getLocale());
    }

    private String word(Rejection rejection, Locale locale, Function<Rejection.Field, String> names) {
        return messages.getMessage(rejection.code(), plain(rejection.arguments(), names), locale);
    }

    private static Object[] plain(List<Object> arguments, Function<Rejection.Field, String> names) {
        return arguments.stream().map(argument -> {
            if (argument instanceof Rejection.Field field) {
                return names.apply(field);
            }
            if (argument instanceof Double number && !Double.isFinite(number)) {
                return String.valueOf(number);
            }
            return argument instanceof Number number ? PlainNumber.of(number) : argument;
        }).toArray();
    }
}
