package dev.losslens.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The course path's lab buttons, on a database of their own so that which presets have run is known. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:course;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class CoursePageTest {

    @Autowired
    MockMvcTester mvc;

    private String learn() throws Exception {
        MvcTestResult page = mvc.get().uri("/learn").exchange();
        assertThat(page).hasStatusOk();
        return page.getResponse().getContentAsString();
    }

    @Test
    void eachIdeasLabButtonOpensItsPresetsRunOrTheFormFilledWithIt() throws Exception {
        assertThat(learn()).contains("href=\"/runs/new?preset=prompt-weight#lab-form\">Set up its lab run</a>");
        assertThat(mvc.get().uri("/runs/new?preset=prompt-weight")).hasStatusOk().bodyText()
                .contains("id=\"lab-form\"", "value=\"0.1\"");

        MvcTestResult started = mvc.post().with(csrf()).uri("/runs/new").param("preset", "prompt-weight").exchange();
        String run = started.getResponse().getRedirectedUrl();
        assertThat(run).matches("/runs/\\d+");
        try {
            assertThat(learn()).contains("href=\"" + run + "\">Open its lab run (#" + run.substring("/runs/".length())
                    + ")</a>").doesNotContain("preset=prompt-weight");
        } finally {
            mvc.post().with(csrf()).uri(run + "/cancel").cookie(started.getResponse().getCookies()).exchange();
        }
    }
}
