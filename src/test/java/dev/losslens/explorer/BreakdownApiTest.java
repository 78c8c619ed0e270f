package dev.losslens.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslens.dataset.SampleDatasets;
import dev.losslens.dataset.Split;
import dev.losslens.model.ModelConfig;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.Tokenizer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class BreakdownApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Tokenizer tokenizer;

    @Autowired
    InstructionTemplate template;

    @Autowired
    SampleDatasets datasets;

    private MvcTestResult post(String body) {
        return mvc.post().uri("/api/breakdown").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private static JsonNode json(MvcTestResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    private static String body(String prompt, String response, Double lambda) {
        var node = JSON.createObjectNode().put("prompt", prompt).put("response", response);
        if (lambda != null) {
            node.put("promptWeight", lambda);
        }
        return node.toString();
    }

    @Test
    void countsTheTemplatedTokensWhileEitherSideIsStillEmpty() throws Exception {
        MvcTestResult typed = mvc.post().uri("/api/token-count").contentType(MediaType.APPLICATION_JSON)
                .content(body("What is the capital of Peru?", "", null)).exchange();
        assertThat(typed).hasStatusOk();
        var example = template.render("What is the capital of Peru?", "");
        JsonNode count = json(typed);
        assertThat(count.get("tokens").asInt()).isEqualTo(example.length());
        assertThat(count.get("promptTokens").asInt()).isEqualTo(example.promptLength());
        assertThat(count.get("responseTokens").asInt()).as("end-of-text alone").isEqualTo(1);
        assertThat(count.get("context").asInt()).isEqualTo(128);

        MvcTestResult tooLong = mvc.post().uri("/api/token-count").contentType(MediaType.APPLICATION_JSON)
                .content(body("x".repeat(1000), "y", null)).exchange();
        assertThat(tooLong).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(json(tooLong).get("field").asString()).isEqualTo("prompt");
    }

    @Test
    void explainsEveryTokenUnderTheThreeObjectives() throws Exception {
        double lambda = 0.25;
        MvcTestResult result = post(body("What is the capital of Peru?", "Lima", lambda));

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        JsonNode root = json(result);
        var example = template.render("What is the capital of Peru?", "Lima");
        assertThat(root.get("checkpoint").asString()).isEqualTo(BreakdownService.DEFAULT_CHECKPOINT);
        assertThat(root.get("vocabSize").asInt()).isEqualTo(tokenizer.vocabSize());

        JsonNode tokens = root.get("tokens");
        assertThat(tokens.size()).isEqualTo(example.length());
        assertThat(tokens.get(0).get("text").asString()).isEqualTo("<|bos|>");
        assertThat(tokens.get(0).get("id").asInt()).isEqualTo(1);
        assertThat(tokens.get(0).get("role").asString()).isEqualTo("prompt");
        assertThat(tokens.get(0).get("nll").isNull()).as("nothing predicts the first token").isTrue();
        assertThat(tokens.get(0).get("top").size()).isZero();
        JsonNode last = tokens.get(tokens.size() - 1);
        assertThat(last.get("text").asString()).isEqualTo("<|endoftext|>");
        assertThat(last.get("id").asInt()).isEqualTo(2);
        assertThat(last.get("role").asString()).isEqualTo("response");

        double ptSum = 0;
        double sftSum = 0;
        for (int t = 0; t < tokens.size(); t++) {
            JsonNode token = tokens.get(t);
            String role = example.role(t).key();
            assertThat(token.get("id").asInt()).as("id %d", t).isEqualTo(example.id(t));
            assertThat(token.get("text").asString()).as("text %d", t).isEqualTo(tokenizer.piece(example.id(t)));
            assertThat(token.get("role").asString()).as("role %d", t).isEqualTo(role);
            JsonNode weights = token.get("weights");
            if (t == 0) {
                assertThat(weights.get("pretraining").asDouble()).isZero();
                assertThat(weights.get("instruction").asDouble()).isZero();
                assertThat(weights.get("weighted").asDouble()).isZero();
                continue;
            }
            assertThat(weights.get("pretraining").asDouble()).as("PT weight %d", t).isEqualTo(1.0);
            assertThat(weights.get("instruction").asDouble()).as("SFT weight %d", t)
                    .isEqualTo(role.equals("prompt") ? 0.0 : 1.0);
            assertThat(weights.get("weighted").asDouble()).as("λ weight %d", t)
                    .isEqualTo(role.equals("prompt") ? lambda : 1.0);
            double nll = token.get("nll").asDouble();
            assertThat(nll).as("nll %d", t).isPositive().isFinite();
            JsonNode top = token.get("top");
            assertThat(top.size()).as("top %d", t).isEqualTo(5);
            double previous = 1.0;
            for (JsonNode candidate : top) {
                double p = candidate.get("probability").asDouble();
                assertThat(p).isBetween(0.0, previous);
                assertThat(candidate.get("text").asString()).isEqualTo(tokenizer.piece(candidate.get("id").asInt()));
                previous = p;
            }
            ptSum += nll;
            sftSum += role.equals("response") ? nll : 0;
        }

        JsonNode totals = root.get("totals");
        JsonNode pt = totals.get("pretraining");
        JsonNode sft = totals.get("instruction");
        JsonNode weighted = totals.get("weighted");
        int responseTargets = example.length() - example.promptLength();
        int promptTargets = example.promptLength() - 1;
        assertThat(pt.get("sum").asDouble()).isCloseTo(ptSum, within(1e-9));
        assertThat(pt.get("count").asInt()).isEqualTo(example.length() - 1);
        assertThat(pt.get("mean").asDouble()).isCloseTo(ptSum / (example.length() - 1), within(1e-9));
        assertThat(sft.get("sum").asDouble()).isCloseTo(sftSum, within(1e-9));
        assertThat(sft.get("count").asInt()).isEqualTo(responseTargets);
        assertThat(sft.get("mean").asDouble()).isCloseTo(sftSum / responseTargets, within(1e-9));
        assertThat(weighted.get("count").asInt()).isEqualTo(example.length() - 1);
        assertThat(weighted.get("sum").asDouble()).isCloseTo(
                sft.get("sum").asDouble() + lambda * (pt.get("sum").asDouble() - sft.get("sum").asDouble()), within(1e-9));
        assertThat(weighted.get("mean").asDouble()).isCloseTo(
                weighted.get("sum").asDouble() / (responseTargets + lambda * promptTargets), within(1e-9));
    }

    @Test
    void theUntrainedCheckpointIsAboutEquallyUnsureOfEveryToken() throws Exception {
        JsonNode root = json(post(JSON.createObjectNode()
                .put("prompt", "Explain why the prompt tokens are masked in instruction tuning.")
                .put("response", "Because the model should learn to answer, not to write questions.")
                .put("checkpoint", "untrained").toString()));

        double mean = root.get("totals").get("pretraining").get("mean").asDouble();
        assertThat(mean).isCloseTo(Math.log(tokenizer.vocabSize()), within(0.1 * Math.log(tokenizer.vocabSize())));
    }

    @Test
    void theDialEndsReproduceTheNamedObjectives() throws Exception {
        JsonNode one = json(post(body("Reverse the word: stone", "enots", 1.0))).get("totals");
        JsonNode zero = json(post(body("Reverse the word: stone", "enots", 0.0))).get("totals");

        assertThat(one.get("weighted")).isEqualTo(one.get("pretraining"));
        assertThat(zero.get("weighted")).isEqualTo(zero.get("instruction"));
        assertThat(zero.get("pretraining")).as("the same forward pass whatever λ is").isEqualTo(one.get("pretraining"));
    }

    @Test
    void defaultsTheCheckpointAndLambda() throws Exception {
        MvcTestResult result = post("{\"prompt\": \"Hi\", \"response\": \"Hello\"}");

        assertThat(result).hasStatusOk();
        JsonNode root = json(result);
        assertThat(root.get("checkpoint").asString()).isEqualTo(BreakdownService.DEFAULT_CHECKPOINT);
        assertThat(root.get("promptWeight").asDouble()).isEqualTo(BreakdownService.DEFAULT_PROMPT_WEIGHT);
        assertThat(root.get("tokens").get(1).get("weights").get("weighted").asDouble())
                .isEqualTo(BreakdownService.DEFAULT_PROMPT_WEIGHT);
    }

    @Test
    void hostileTextComesBackAsDataUnchanged() throws Exception {
        String response = "<script>alert(1)</script> 🤖";
        JsonNode tokens = json(post(body("Echo this", response, 0.5))).get("tokens");

        int[] responseIds = new int[tokens.size()];
        int n = 0;
        for (JsonNode token : tokens) {
            if (token.get("role").asString().equals("response")) {
                responseIds[n++] = token.get("id").asInt();
            }
        }
        assertThat(tokenizer.decode(java.util.Arrays.copyOf(responseIds, n))).isEqualTo(response);
    }

    static Stream<Arguments> badBodies() {
        String longPrompt = "a".repeat(601);
        String longResponse = "b".repeat(401);
        return Stream.of(
                Arguments.of("empty prompt", "{\"prompt\": \"\", \"response\": \"x\"}", "prompt"),
                Arguments.of("missing prompt", "{\"response\": \"x\"}", "prompt"),
                Arguments.of("null prompt", "{\"prompt\": null, \"response\": \"x\"}", "prompt"),
                Arguments.of("missing response", "{\"prompt\": \"x\"}", "response"),
                Arguments.of("empty response", "{\"prompt\": \"x\", \"response\": \"\"}", "response"),
                Arguments.of("whitespace-only prompt", "{\"prompt\": \" \\n\\t \", \"response\": \"x\"}", "prompt"),
                Arguments.of("whitespace-only response", "{\"prompt\": \"x\", \"response\": \"   \"}", "response"),
                Arguments.of("λ not a number", "{\"prompt\": \"x\", \"response\": \"y\", \"promptWeight\": \"abc\"}",
                        "promptWeight"),
                Arguments.of("λ an object", "{\"prompt\": \"x\", \"response\": \"y\", \"promptWeight\": {\"a\": 1}}",
                        "promptWeight"),
                Arguments.of("prompt an object", "{\"prompt\": {\"text\": \"x\"}, \"response\": \"y\"}", "prompt"),
                Arguments.of("response an array", "{\"prompt\": \"x\", \"response\": [\"y\"]}", "response"),
                Arguments.of("λ NaN", "{\"prompt\": \"x\", \"response\": \"y\", \"promptWeight\": \"NaN\"}",
                        "promptWeight"),
                Arguments.of("λ Infinity", "{\"prompt\": \"x\", \"response\": \"y\", \"promptWeight\": \"Infinity\"}",
                        "promptWeight"),
                Arguments.of("λ below 0", "{\"prompt\": \"x\", \"response\": \"y\", \"promptWeight\": -0.5}",
                        "promptWeight"),
                Arguments.of("λ above 1", "{\"prompt\": \"x\", \"response\": \"y\", \"promptWeight\": 2}",
                        "promptWeight"),
                Arguments.of("path-trick checkpoint",
                        "{\"prompt\": \"x\", \"response\": \"y\", \"checkpoint\": \"../../etc/passwd\"}", "checkpoint"),
                Arguments.of("checkpoint with a slash",
                        "{\"prompt\": \"x\", \"response\": \"y\", \"checkpoint\": \"untrained/../base\"}", "checkpoint"),
                Arguments.of("prompt over the character limit",
                        "{\"prompt\": \"" + longPrompt + "\", \"response\": \"y\"}", "prompt"),
                Arguments.of("response over the character limit",
                        "{\"prompt\": \"x\", \"response\": \"" + longResponse + "\"}", "response"),
                Arguments.of("malformed JSON", "{\"prompt\": \"x\", \"response\": ", "body"),
                Arguments.of("not an object", "[\"x\", \"y\"]", "body"),
                Arguments.of("JSON null", "null", "body"),
                Arguments.of("empty body", "", "body"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badBodies")
    void rejectsBadBodiesWithAProblemNamingTheField(String what, String body, String field) throws Exception {
        MvcTestResult result = post(body);

        assertThat(result).as(what).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertProblem(result, 400, field);
    }

    @Test
    void numbersGivenForTextAreReadAsTheirDigits() throws Exception {
        // Jackson coerces a JSON number to a String; the pair is then read as the text "5" / "6", never a failure.
        MvcTestResult result = post("{\"prompt\": 5, \"response\": 6}");

        assertThat(result).hasStatusOk();
        var expected = template.render("5", "6");
        JsonNode tokens = json(result).get("tokens");
        assertThat(tokens.size()).isEqualTo(expected.length());
        for (int t = 0; t < expected.length(); t++) {
            assertThat(tokens.get(t).get("id").asInt()).isEqualTo(expected.id(t));
        }
    }

    @Test
    void aBooleanForLambdaIsRejected() throws Exception {
        assertProblem(post("{\"prompt\": \"x\", \"response\": \"y\", \"promptWeight\": true}"), 400, "promptWeight");
    }

    @Test
    void rejectsATextThatFitsTheCharacterLimitButNotTheContext() throws Exception {
        String response = "🤖".repeat(100);   // 200 chars, 400 byte tokens
        int tokens = template.render("Draw robots", response).length();
        assertThat(response.length()).isLessThanOrEqualTo(400);

        MvcTestResult result = post(body("Draw robots", response, null));

        assertProblem(result, 400, "response");
        assertThat(json(result).get("detail").asString()).contains(String.valueOf(tokens)).contains("128");
    }

    @Test
    void rejectsAPromptOfCjkThatOverflowsTheContext() throws Exception {
        StringBuilder prompt = new StringBuilder();
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 150; i++) {
            prompt.appendCodePoint(0x4E00 + random.nextInt(0x5000));
        }
        int tokens = template.render(prompt.toString(), "ok").length();

        MvcTestResult result = post(body(prompt.toString(), "ok", null));

        assertProblem(result, 400, "prompt");
        assertThat(json(result).get("detail").asString()).contains(String.valueOf(tokens)).contains("128");
    }

    @Test
    void acceptsAPairThatExactlyFillsTheContext() throws Exception {
        int promptTokens = template.render("Fill", "").promptLength();
        String response = "x".repeat(128 - promptTokens - 1);   // x is a single-byte token here
        assertThat(template.render("Fill", response).length()).isEqualTo(128);

        assertThat(post(body("Fill", response, null))).hasStatusOk();
        assertProblem(post(body("Fill", response + "x", null)), 400, "response");
    }

    @Test
    void blamesThePromptWhenItLeavesNoRoomForAnyResponse() throws Exception {
        String prompt = promptWithSideOf(ModelConfig.CONTEXT - 1);   // + one response token + end-of-text = 129

        assertProblem(post(body(prompt, "y", null)), 400, "prompt");
        assertProblem(post(body(promptWithSideOf(ModelConfig.CONTEXT), "y", null)), 400, "prompt");
    }

    @Test
    void blamesTheResponseWhenThePromptLeavesRoomForOne() throws Exception {
        String prompt = promptWithSideOf(ModelConfig.CONTEXT - 2);

        assertThat(post(body(prompt, "y", null))).hasStatusOk();
        assertProblem(post(body(prompt, "yy", null)), 400, "response");
    }

    /** A prompt whose templated prompt side (BOS and scaffolding included) is exactly {@code tokens} long. */
    private String promptWithSideOf(int tokens) {
        for (int k = 1; k < 200; k++) {
            String prompt = "q".repeat(k);
            if (template.render(prompt, "y").promptLength() == tokens) {
                return prompt;
            }
        }
        throw new AssertionError("no prompt of q's gives a prompt side of " + tokens + " tokens");
    }

    @Test
    void unknownCheckpointIsNotFound() throws Exception {
        MvcTestResult result = post("{\"prompt\": \"x\", \"response\": \"y\", \"checkpoint\": \"no-such-run\"}");

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertProblem(result, 404, "checkpoint");
        assertThat(json(result).get("detail").asString()).contains("no-such-run");
    }

    @Test
    void wrongContentTypeIsUnsupported() throws Exception {
        MvcTestResult result = mvc.post().uri("/api/breakdown").contentType(MediaType.TEXT_PLAIN)
                .content("prompt=x&response=y").exchange();

        assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertProblem(result, 415, "Content-Type");
    }

    @Test
    void formEncodedBodyIsUnsupported() throws Exception {
        MvcTestResult result = mvc.post().uri("/api/breakdown").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("prompt=x&response=y").exchange();

        assertProblem(result, 415, "Content-Type");
    }

    @Test
    void getOnThePostEndpointIsMethodNotAllowed() {
        MvcTestResult result = mvc.get().uri("/api/breakdown").exchange();

        assertThat(result).hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(result.getResponse().getHeader("Allow")).contains("POST");
    }

    @Test
    void listsTheDatasets() {
        assertThat(mvc.get().uri("/api/datasets")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$[0].name", name -> assertThat(name).isEqualTo("capitals"))
                .hasPathSatisfying("$[*].name", names -> assertThat(names).asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSizeGreaterThanOrEqualTo(5))
                .hasPathSatisfying("$[0].heldout", heldout -> assertThat(heldout)
                        .isEqualTo(datasets.pairs("capitals", Split.HELDOUT).size()));
    }

    @Test
    void servesAHeldOutSplit() {
        assertThat(mvc.get().uri("/api/datasets/capitals/pairs?split=heldout")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.length()", size -> assertThat(size)
                        .isEqualTo(datasets.pairs("capitals", Split.HELDOUT).size()))
                .hasPathSatisfying("$[0].response", response -> assertThat(response)
                        .isEqualTo(datasets.pairs("capitals", Split.HELDOUT).get(0).response()))
                .hasPathSatisfying("$[0].index", index -> assertThat(index).isEqualTo(0))
                .hasPathSatisfying("$[0].prompt", prompt -> assertThat(prompt).asString().isNotBlank())
                .hasPathSatisfying("$[0].response", response -> assertThat(response).asString().isNotBlank());
    }

    @Test
    void unknownDatasetIsNotFound() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/datasets/nope/pairs").exchange();

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertProblem(result, 404, "name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "..%2F..%2Fetc", "capitals.jsonl"})
    void pathTricksInTheDatasetNameAreNotFound(String name) throws Exception {
        MvcTestResult result = mvc.get().uri("/api/datasets/{name}/pairs", name).exchange();

        assertThat(result).hasStatus4xxClientError();
        assertThat(result.getResponse().getContentAsString()).doesNotContain("root:").doesNotContain("Exception");
    }

    @Test
    void badSplitIsABadRequest() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/datasets/capitals/pairs?split=test").exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertProblem(result, 400, "split");
    }

    @Test
    void openApiDocumentsTheBreakdownEndpoint() {
        assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyJson()
                .hasPath("$.paths['/api/breakdown'].post")
                .hasPath("$.paths['/api/datasets'].get")
                .hasPath("$.paths['/api/datasets/{name}/pairs'].get");
    }

    private static void assertProblem(MvcTestResult result, int status, String field) throws Exception {
        String text = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).as(text).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).as(text).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(text);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("field").asString()).as(text).isEqualTo(field);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.has("trace")).isFalse();
        assertThat(text).doesNotContain("Exception").doesNotContain("at dev.losslens").doesNotContain("\tat ");
    }
}
