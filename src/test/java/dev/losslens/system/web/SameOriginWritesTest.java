package dev.losslens.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.system.words.Wording;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Forms and the API refuse posts that a browser says come from another site; same-origin and scripted posts go
 * through to the app, which here answers 405 (the welcome page takes no posts): only the filter is under test.
 */
// only the filter is under test here, not who may sign in: the security configuration is not part of this slice
@WebMvcTest(controllers = WelcomeController.class, excludeAutoConfiguration = {SecurityAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
// Wording: the error handlers (controller advice, in every MVC slice) word their answers with it
@Import({SameOriginWrites.class, Wording.class})
@EnableConfigurationProperties(WebProperties.class)
class SameOriginWritesTest {

    @Autowired
    MockMvcTester mvc;

    /** A JSON post to the welcome page with one browser header; 405 means the filter let it through. */
    private MvcTestResult post(String header, String value) {
        var request = mvc.post().uri("/").contentType(MediaType.APPLICATION_JSON).content("{}");
        return (header == null ? request : request.header(header, value)).exchange();
    }

    @Test
    void aCrossSiteFormPostIsRefusedBeforeItQueuesAnything() {
        assertThat(mvc.post().uri("/").header("Sec-Fetch-Site", "cross-site")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("preset=objective-from-base"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post("Origin", "https://evil.example")).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aSiblingSiteOrAMalformedOriginIsRefusedNotAnError() {
        assertThat(post("Sec-Fetch-Site", "same-site")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post("Origin", "http://a b")).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void sameOriginAndScriptedPostsReachTheApp() {
        assertThat(post("Sec-Fetch-Site", "same-origin")).hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(post("Origin", "http://localhost")).hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(post(null, null)).hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
    }
}
