package dev.losslens.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The conversation masks as JSON and as a page, and every bad input answered with a clear 4xx. */
@SpringBootTest
@AutoConfigureMockMvc
class ConversationMasksTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    private MvcTestResult post(String body) {
        return mvc.post().uri("/api/conversations/masks").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private static JsonNode json(MvcTestResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    private JsonNode refused(int status, String body) throws Exception {
        MvcTestResult result = post(body);
        assertThat(result).hasStatus(status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        return json(result);
    }

    @Test
    void everyLaneAndEveryStackSettingComesWithTheSameTokensAndRealLosses() throws Exception {
        JsonNode view = json(post("{\"example\": \"two-turns\", \"template\": \"chatml\", \"promptWeight\": 0.25}"));
        int tokens = view.get("tokens").size();
        assertThat(view.get("lanes")).hasSize(5);
        assertThat(view.get("rosetta")).hasSize(13);
        view.get("lanes").forEach(lane -> assertThat(lane.get("weights")).hasSize(tokens));
        view.get("rosetta").forEach(row -> assertThat(row.get("trained")).hasSize(tokens));
        JsonNode everyTurn = view.get("lanes").get(1);
        JsonNode lastTurn = view.get("lanes").get(2);
        assertThat(everyTurn.get("totals").get("count").asInt()).isEqualTo(4);
        assertThat(lastTurn.get("totals").get("count").asInt()).isEqualTo(2);
        assertThat(view.get("tokens").get(1).get("nll").asDouble()).isPositive();
        assertThat(view.get("lanes").get(4).get("weights").get(1).asDouble()).isEqualTo(0.25);
        assertThat(view.get("lanes").get(3).get("warnings").get(0).get("kind").asString()).isEqualTo("end-never-trained");
        StringBuilder generationPrompt = new StringBuilder();
        view.get("tokens").forEach(token -> generationPrompt.append(token.get("generationPrompt").asBoolean()
                ? token.get("text").asString() : ""));
        assertThat(generationPrompt).hasToString("<|im_start|>assistant\n");
    }

    @Test
    void aConversationOfTheBundledDatasetIsShownToo() throws Exception {
        JsonNode view = json(post("{\"example\": \"conversations:0\"}"));
        assertThat(view.get("tokens").size()).isBetween(20, 128);
        assertThat(post("{\"example\": \"conversations:99999\"}")).hasStatus(404);
        assertThat(post("{\"example\": \"capitals:0\"}")).hasStatus(404);
    }

    @Test
    void hostileTemplatesGetABoundedClearAnswer() throws Exception {
        assertThat(refused(400, "{\"templateSource\": \"line one\\n{% include '/etc/passwd' %}\"}").get("detail").asString())
                .contains("line 2").contains("include");
        assertThat(refused(400, "{\"templateSource\": \"{% for a in range(200) %}{% for b in range(200) %}"
                + "{% for c in range(200) %}{% endfor %}{% endfor %}{% endfor %}\"}").get("detail").asString())
                .contains("1000 ms");
        assertThat(refused(400, "{\"templateSource\": \"{% for m in messages %}\\n{{ m['content'] }\\n{% endfor %}\"}")
                .get("field").asString()).isEqualTo("templateSource");
        assertThat(refused(400, "{\"templateSource\": \"" + "x".repeat(8001) + "\"}").get("detail").asString())
                .contains("8001").contains("8000");
        assertThat(refused(404, "{\"template\": \"../../etc/passwd\"}").get("field").asString()).isEqualTo("template");
        assertThat(refused(404, "{\"example\": \"<script>\"}").get("field").asString()).isEqualTo("example");
        assertThat(refused(400, "{\"promptWeight\": 1.5}").get("field").asString()).isEqualTo("promptWeight");
        assertThat(refused(400, "{\"templateSource\": \" \"}").get("field").asString()).isEqualTo("templateSource");
        assertThat(post("{not json")).hasStatus(400);
    }

    @Test
    void thePageShowsLanesRosettaAndAPastedTemplateAsText() throws Exception {
        MvcTestResult page = mvc.get().uri("/explore/conversations?template=chatml-no-generation").exchange();
        assertThat(page).hasStatusOk();
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("class=\"rosetta-row\"").contains("No answer token is trained.");

        MvcTestResult pasted = mvc.post().uri("/explore/conversations").with(csrf())
                .param("templateSource", "<script>alert(1)</script>{% for m in messages %}{{ m['content'] }}"
                        + "{{ eos_token }}{% endfor %}").exchange();
        assertThat(pasted).hasStatusOk();
        assertThat(pasted.getResponse().getContentAsString()).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)</script>What");

        MvcTestResult broken = mvc.post().uri("/explore/conversations").with(csrf())
                .param("templateSource", "{% if %}").exchange();
        assertThat(broken).hasStatus(400);
        assertThat(broken.getResponse().getContentAsString()).contains("could not be rendered by jinjava, the Java Jinja engine here, at line 1");
        assertThat(mvc.post().uri("/explore/conversations")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("templateSource", "x").exchange())
                .as("a form without its CSRF token").hasStatus(403);
    }
}
