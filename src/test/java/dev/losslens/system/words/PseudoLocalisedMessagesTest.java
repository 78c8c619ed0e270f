package dev.losslens.system.words;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.StaticMessageSource;

class PseudoLocalisedMessagesTest {

    private static MessageSource messages() {
        StaticMessageSource english = new StaticMessageSource();
        english.addMessage("page.run", Locale.ENGLISH, "Start the run");
        english.addMessage("page.steps", Locale.ENGLISH, "Run {0} steps of {1}, and it''s done");
        english.addMessage("page.link", Locale.ENGLISH, "See <a href=\"/runs\">the runs</a> &amp; https://example.org/a?b=c");
        english.addMessage("error.short", Locale.ENGLISH, "Too short");
        return new PseudoLocalisedMessages(english);
    }

    @Test
    void englishIsPassedThroughUnchanged() {
        assertThat(messages().getMessage("page.run", null, Locale.ENGLISH)).isEqualTo("Start the run");
        assertThat(messages().getMessage("page.steps", new Object[] {3, "pairs"}, Locale.ENGLISH))
                .isEqualTo("Run 3 steps of pairs, and it's done");
    }

    @Test
    void pseudoIsBracketedAccentedAndAThirdLonger() {
        String pseudo = messages().getMessage("page.run", null, Languages.PSEUDO);
        assertThat(pseudo).startsWith("⟦Šţáŕţ ţĥé ŕüñ").endsWith("⟧");
        assertThat(pseudo.length() - 2).isGreaterThanOrEqualTo("Start the run".length() * 4 / 3);
    }

    @Test
    void placeholdersStillFormatAndTheirValuesAreNotAccented() {
        assertThat(messages().getMessage("page.steps", new Object[] {3, "pairs"}, Languages.PSEUDO))
                .startsWith("⟦Ŕüñ 3 šţépš óf pairs, áñđ íţ'š đóñé").endsWith("⟧");
    }

    @Test
    void tagsEntitiesAndAddressesAreLeftIntact() {
        assertThat(messages().getMessage("page.link", null, Languages.PSEUDO))
                .contains("<a href=\"/runs\">", "</a>", "&amp;", "https://example.org/a?b=c")
                .contains("ţĥé ŕüñš");
    }

    @Test
    void everyCodeIsPseudoLocalisedWhateverItsBundleAndMissingOnesStayMissing() {
        assertThat(messages().getMessage(new DefaultMessageSourceResolvable(new String[] {"error.short"}, "x"),
                Languages.PSEUDO)).startsWith("⟦Ţóó šĥóŕţ");
        assertThat(messages().getMessage("page.none", null, "Plain default", Languages.PSEUDO))
                .isEqualTo("Plain default");
        assertThatThrownBy(() -> messages().getMessage("page.none", null, Languages.PSEUDO))
                .isInstanceOf(NoSuchMessageException.class);
    }
}
