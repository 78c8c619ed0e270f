package dev.losslens.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Forms refuse posts that a browser says come from another site; same-site and scripted posts go through. */
@SpringBootTest
@AutoConfigureMockMvc
class SameOriginWritesTest {

    private static final String BAD_CONFIG = "{\"steps\": 0}";

    @Autowired
    MockMvcTester mvc;

    @Test
    void aCrossSiteFormPostIsRefusedBeforeItQueuesAnything() {
        assertThat(mvc.post().uri("/runs").header("Sec-Fetch-Site", "cross-site")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("preset=objective-from-base"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/api/comparisons").header("Origin", "https://evil.example")
                .contentType(MediaType.APPLICATION_JSON).content(BAD_CONFIG))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void sameOriginAndScriptedPostsReachTheApp() {
        assertThat(mvc.post().uri("/api/comparisons").header("Sec-Fetch-Site", "same-origin")
                .contentType(MediaType.APPLICATION_JSON).content(BAD_CONFIG))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.post().uri("/api/comparisons").header("Origin", "http://localhost")
                .contentType(MediaType.APPLICATION_JSON).content(BAD_CONFIG))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.post().uri("/api/comparisons").contentType(MediaType.APPLICATION_JSON).content(BAD_CONFIG))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }
}
