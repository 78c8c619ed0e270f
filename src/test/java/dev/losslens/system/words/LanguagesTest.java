package dev.losslens.system.words;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The pages speak the remembered language, else the browser's, else English; the switch only sets the cookie. */
@SpringBootTest
@AutoConfigureMockMvc
class LanguagesTest {

    @Autowired
    MockMvcTester mvc;

    private static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutAnyChoiceThePagesAreEnglish() throws Exception {
        MvcTestResult page = mvc.get().uri("/").exchange();
        assertThat(body(page)).contains("<html lang=\"en\"", "Skip to content").doesNotContain("⟦");
        assertThat(body(mvc.get().uri("/").header("Accept-Language", "de-DE, fr;q=0.8").exchange()))
                .contains("<html lang=\"en\"", "Skip to content");
    }

    @Test
    void theBrowsersLanguageIsFollowed() throws Exception {
        assertThat(body(mvc.get().uri("/").header("Accept-Language", "en-XA, en;q=0.5").exchange()))
                .contains("<html lang=\"en-XA\"", "⟦Šķíp ţó çóñţéñţ");
    }

    @Test
    void theSwitchRemembersTheChoiceAndGoesBackToThePageItWasOn() throws Exception {
        MvcTestResult switched = mvc.get().uri("/language?lang=en-XA")
                .header("Referer", "http://localhost/explore?dataset=capitals&index=2").exchange();
        assertThat(switched).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/explore?dataset=capitals&index=2");
        Cookie remembered = switched.getResponse().getCookie(Languages.COOKIE);
        assertThat(remembered).isNotNull();
        assertThat(remembered.getValue()).isEqualTo("en-XA");
        assertThat(body(mvc.get().uri("/").cookie(remembered).header("Accept-Language", "en").exchange()))
                .contains("<html lang=\"en-XA\"", "⟦Šķíp ţó çóñţéñţ");
    }

    @Test
    void theApiAnswersInEnglishWhateverThePagesSpeak() throws Exception {
        Cookie pseudo = new Cookie(Languages.COOKIE, "en-XA");
        String items = body(mvc.get().uri("/api/quiz/concepts").cookie(pseudo).header("Accept-Language", "en-XA")
                .exchange());
        assertThat(items).contains("\"title\"").doesNotContain("⟦");
        String refused = body(mvc.get().uri("/api/comparisons?size=0").cookie(pseudo).exchange());
        assertThat(refused).contains("size must be from 1 to 100").doesNotContain("⟦");
        assertThat(body(mvc.get().uri("/learn").cookie(pseudo).exchange())).as("while the pages follow the choice")
                .contains("⟦");
    }

    @Test
    void theSwitchNeverSendsAReaderToAnotherSite() {
        assertThat(mvc.get().uri("/language?lang=en").header("Referer", "https://evil.example//evil.example/x")
                .exchange()).hasRedirectedUrl("/");
        assertThat(mvc.get().uri("/language?lang=klingon").exchange()).hasRedirectedUrl("/");
    }
}
