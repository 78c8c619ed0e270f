package dev.losslens.system.words;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The sentences a page's scripts write, handed to them as a JSON block ({@code fragments/words}) because the
 * Content-Security-Policy allows no inline script. Patterns are raw ({@code {0}} unfilled): the script fills them.
 */
@Component("scriptWords")
public class ScriptWords {

    private final MessageSource messages;

    ScriptWords(MessageSource messages) {
        this.messages = messages;
    }

    /** The patterns of these comma-separated keys in this locale. */
    public Map<String, String> of(Locale locale, String keys) {
        Map<String, String> words = new LinkedHashMap<>();
        for (String key : keys.split(",")) {
            words.put(key.strip(), messages.getMessage(key.strip(), null, locale));
        }
        return words;
    }
}
