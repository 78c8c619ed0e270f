package dev.losslens.system.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The published OpenAPI document says what the API really answers. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiDocumentationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Reads that answer no 4xx: fixed lists and the bank's exports. */
    private static final Set<String> NO_PROBLEMS = Set.of("GET /api/datasets", "GET /api/quiz/concepts",
            "GET /api/quiz/export.gift", "GET /api/quiz/export.xml");

    @Autowired
    MockMvcTester mvc;

    private JsonNode document() throws Exception {
        return JSON.readTree(mvc.get().uri("/v3/api-docs").exchange().getResponse().getContentAsString());
    }

    @Test
    void everyOperationListsItsRealAnswers() throws Exception {
        JsonNode paths = document().get("paths");
        List<String> without4xx = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = operation.getValue().get("responses");
                boolean problems = false;
                for (Map.Entry<String, JsonNode> response : responses.properties()) {
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        problems = true;
                        assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asString())
                                .as("%s %s", name, response.getKey()).isEqualTo("#/components/schemas/Problem");
                    }
                }
                if (!problems) {
                    without4xx.add(name);
                }
                if (!name.startsWith("GET")) {
                    assertThat(responses.has("403") && responses.has("413")).as("%s: cross-site and too large", name)
                            .isTrue();
                }
            }
        }
        assertThat(without4xx).containsExactlyInAnyOrderElementsOf(NO_PROBLEMS);

        assertThat(paths.at("/~1api~1comparisons/post/responses").has("202")).isTrue();
        assertThat(paths.at("/~1api~1comparisons/post/responses").has("200")).as("submit never answers 200").isFalse();
        assertThat(paths.at("/~1api~1classes~1{code}~1votes/post/responses").has("204")).isTrue();
        assertThat(paths.at("/~1api~1comparisons/get/parameters").toString()).contains("\"page\"", "\"size\"");
        JsonNode stream = paths.at("/~1api~1comparisons~1{id}~1events/get/responses/200");
        assertThat(stream.at("/content").properties()).extracting(Map.Entry::getKey).containsExactly("text/event-stream");
        assertThat(stream.get("description").asString()).contains("status", "point", "generations", "done");
        assertThat(document().at("/components/schemas").has("SseEmitter")).isFalse();
        assertThat(document().at("/components/schemas/Problem/properties").has("field")).isTrue();
    }

    /** The generated client in the tests is built from this snapshot; it must be the document the app publishes. */
    @Test
    void theClientsSnapshotIsThePublishedDocument() throws Exception {
        JsonNode snapshot;
        try (var in = getClass().getResourceAsStream("/openapi.json")) {
            snapshot = JSON.readTree(in);
        }
        assertThat(document()).as("src/test/resources/openapi.json is stale: replace it with /v3/api-docs of this "
                + "build (curl -s localhost:8080/v3/api-docs)").isEqualTo(snapshot);
    }

    @Test
    void theComparisonListPagesNewestFirstAndRejectsBadPages() throws Exception {
        JsonNode page = JSON.readTree(mvc.get().uri("/api/comparisons").param("size", "1").exchange().getResponse()
                .getContentAsString());
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("comparisons").size()).isLessThanOrEqualTo(1);
        JsonNode five = JSON.readTree(mvc.get().uri("/api/comparisons").param("size", "5").exchange().getResponse()
                .getContentAsString()).get("comparisons");
        for (int i = 1; i < five.size(); i++) {
            assertThat(five.get(i).get("id").asLong()).as("newest first").isLessThan(five.get(i - 1).get("id").asLong());
        }
        assertThat(mvc.get().uri("/api/comparisons").param("size", "0").exchange()).hasStatus(400);
        assertThat(mvc.get().uri("/api/comparisons").param("size", "101").exchange()).hasStatus(400);
        assertThat(mvc.get().uri("/api/comparisons").param("page", "-1").exchange()).hasStatus(400);
        assertThat(mvc.get().uri("/api/comparisons").param("page", "x").exchange()).hasStatus(400);
        assertThat(mvc.get().uri("/api/comparisons/x").exchange()).as("documented as 400").hasStatus(400);
    }
}
