package dev.losslens.system.words;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;

/**
 * The English bundles as the pseudo-locale {@code en-XA}: every message reads {@code ⟦Śtáŕt thé ŕüñ one two⟧},
 * accented so a sentence that skipped the bundle stands out as plain English, bracketed so a cut-off one shows, and a
 * third longer so that the pages are seen to survive longer languages. Placeholders, tags, entities and addresses
 * are left as they are, so the message still formats and links still work. Every other locale is passed through.
 */
final class PseudoLocalisedMessages implements MessageSource {

    private static final Map<Character, Character> ACCENTED = accents(
            "abcdeghiklnorstuyzABCDEGHIKLNORSTUYZ", "áƀçđéĝĥíķĺñóŕšţüýžÁƁÇĐÉĜĤÍĶĹÑÓŔŠŢÜÝŽ");
    private static final String PADDING = " one two three four five six seven eight nine ten";

    private final MessageSource english;

    PseudoLocalisedMessages(MessageSource english) {
        this.english = english;
    }

    @Override
    public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
        if (!Languages.PSEUDO.equals(locale)) {
            return english.getMessage(code, args, defaultMessage, locale);
        }
        // the raw pattern (no arguments, so nothing is formatted yet), then formatted here like Spring would
        String pattern = english.getMessage(code, null, null, Languages.ENGLISH);
        return pattern == null ? english.getMessage(code, args, defaultMessage, Languages.ENGLISH)
                : format(pseudo(pattern), args, locale);
    }

    @Override
    public String getMessage(String code, Object[] args, Locale locale) {
        String message = getMessage(code, args, null, locale);
        if (message == null) {
            throw new NoSuchMessageException(code, locale);
        }
        return message;
    }

    @Override
    public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
        if (!Languages.PSEUDO.equals(locale)) {
            return english.getMessage(resolvable, locale);
        }
        for (String code : resolvable.getCodes() == null ? new String[0] : resolvable.getCodes()) {
            String message = getMessage(code, resolvable.getArguments(), null, locale);
            if (message != null) {
                return message;
            }
        }
        return english.getMessage(resolvable, Languages.ENGLISH);
    }

    private String format(String pattern, Object[] args, Locale locale) {
        if (args == null || args.length == 0) {
            return pattern;
        }
        Object[] resolved = Arrays.stream(args).map(arg -> arg instanceof MessageSourceResolvable nested
                ? getMessage(nested, locale) : arg).toArray();
        return new MessageFormat(pattern, Languages.ENGLISH).format(resolved);
    }

    /** The pseudo-localised form of one English message. */
    static String pseudo(String english) {
        if (english.isBlank()) {
            return english;
        }
        StringBuilder out = new StringBuilder("⟦");
        int shown = 0;
        int i = 0;
        while (i < english.length()) {
            int kept = untouched(english, i);
            if (kept > i) {
                out.append(english, i, kept);
                i = kept;
                continue;
            }
            char c = english.charAt(i++);
            shown++;
            out.append(ACCENTED.getOrDefault(c, c));
        }
        // exactly a third more of what a reader sees, so a short label grows as little as a long sentence does
        int extra = (shown + 2) / 3;
        while (extra > 0) {
            String pad = PADDING.substring(0, Math.min(extra, PADDING.length()));
            out.append(pad);
            extra -= pad.length();
        }
        return out.append('⟧').toString();
    }

    /** The end of a placeholder, tag, entity or address starting at {@code i}, or {@code i} when none starts there. */
    private static int untouched(String text, int i) {
        char c = text.charAt(i);
        if (c == '{') {
            int depth = 0;
            for (int j = i; j < text.length(); j++) {
                depth += text.charAt(j) == '{' ? 1 : text.charAt(j) == '}' ? -1 : 0;
                if (depth == 0) {
                    return j + 1;
                }
            }
        } else if (c == '<' || c == '&') {
            int end = text.indexOf(c == '<' ? '>' : ';', i);
            boolean plausible = end > i && (c == '<' ? end > i + 1 && (Character.isLetter(text.charAt(i + 1))
                    || text.charAt(i + 1) == '/') : text.substring(i + 1, end).matches("#?\\w{1,10}"));
            return plausible ? end + 1 : i;
        } else if (text.startsWith("http://", i) || text.startsWith("https://", i)) {
            int end = i;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            return end;
        }
        return i;
    }

    private static Map<Character, Character> accents(String plain, String accented) {
        Map<Character, Character> map = new HashMap<>();
        for (int i = 0; i < plain.length(); i++) {
            map.put(plain.charAt(i), accented.charAt(i));
        }
        return Map.copyOf(map);
    }
}
