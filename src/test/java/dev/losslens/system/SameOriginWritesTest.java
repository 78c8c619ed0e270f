package dev.losslens.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Forms and the API refuse posts that a browser says come from another site; same-origin and scripted posts go
 * through to the app, which here answers 405 (the welcome page takes no posts): only the filter is under test.
 */
@WebMvcTest(WelcomeController.class)
@Import(SameOriginWrites.class)
@EnableConfigurationProperties(WebProperties.class)
class SameOriginWritesTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void aCrossSiteFormPostIsRefusedBeforeItQueuesAnything() {
        assertThat(mvc.post().uri("/").header("Sec-Fetch-Site", "cross-site")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("preset=objective-from-base"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/").header("Origin", "https://evil.example")
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aSiblingSiteOrAMalformedOriginIsRefusedNotAnError() {
        assertThat(mvc.post().uri("/").header("Sec-Fetch-Site", "same-site")
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/").header("Origin", "http://a b")
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void sameOriginAndScriptedPostsReachTheApp() {
        assertThat(mvc.post().uri("/").header("Sec-Fetch-Site", "same-origin")
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(mvc.post().uri("/").header("Origin", "http://localhost")
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(mvc.post().uri("/").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
    }
}
