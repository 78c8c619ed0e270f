package dev.losslens.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslens.dataset.PromptResponsePair;
import dev.losslens.dataset.SampleDatasets;
import dev.losslens.dataset.Split;
import dev.losslens.system.words.Wording;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.Tokenizer;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
class ExplorerPageTest {

    @Autowired
    private Wording wording;

    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    SampleDatasets datasets;

    @Autowired
    InstructionTemplate template;

    private MvcTestResult explore(String... params) {
        var request = mvc.get().uri("/explore");
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    private static Map<String, Object> model(MvcTestResult result) {
        return result.getMvcResult().getModelAndView().getModel();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> errors(MvcTestResult result) {
        return (Map<String, String>) model(result).get("errors");
    }

    private static ExplorerForm form(MvcTestResult result) {
        return (ExplorerForm) model(result).get("form");
    }

    private static String html(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    /** The HTML of one lane: from its data-lane attribute to the next lane or the end of the page. */
    private static String lane(String html, String lane) {
        int start = html.indexOf("data-lane=\"" + lane + "\"");
        assertThat(start).as("lane %s", lane).isNotNegative();
        int end = html.indexOf("data-lane=", start + 10);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    private static int count(String text, String needle) {
        return (text.length() - text.replace(needle, "").length()) / needle.length();
    }

    @Test
    void welcomePageLeadsToTheExplorer() throws Exception {
        MvcTestResult result = mvc.get().uri("/").exchange();

        assertThat(result).hasStatusOk().hasViewName("index").hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(html(result)).contains("href=\"/explore\"");
    }

    @Test
    void defaultViewIsTheFirstPairOfTheFirstDataset() throws Exception {
        MvcTestResult result = explore();

        assertThat(result).hasStatusOk().hasViewName("explore");
        String first = datasets.list().get(0).name();
        PromptResponsePair pair = datasets.pairs(first, Split.TRAIN).get(0);
        ExplorerForm form = form(result);
        assertThat(form.dataset()).isEqualTo(first);
        assertThat(form.pair()).isZero();
        assertThat(form.prompt()).isEqualTo(pair.prompt());
        assertThat(form.response()).isEqualTo(pair.response());
        assertThat(form.promptWeight()).isEqualTo(BreakdownService.DEFAULT_PROMPT_WEIGHT);
        assertThat(form.checkpoint()).isEqualTo(BreakdownService.DEFAULT_CHECKPOINT);
        assertThat(errors(result)).isEmpty();
        assertThat(model(result)).containsKeys("datasets", "pairs", "checkpointGroups", "limits");
        assertThat((List<?>) model(result).get("pairs")).hasSize(datasets.pairs(first, Split.TRAIN).size());
        @SuppressWarnings("unchecked")
        Map<String, List<CheckpointOption>> groups = (Map<String, List<CheckpointOption>>) model(result).get("checkpointGroups");
        assertThat(groups.get("Starting points")).extracting(CheckpointOption::id).contains("untrained");
        assertThat((ExplorerLimits) model(result).get("limits")).isEqualTo(new ExplorerLimits(600, 400, 128));

        Breakdown breakdown = (Breakdown) model(result).get("breakdown");
        assertThat(breakdown).isNotNull();
        assertThat(breakdown.tokens()).hasSize(template.render(pair.prompt(), pair.response()).length());
    }

    @Test
    void bothLanesShowEveryTokenWithItsRoleAndWhetherItCounts() throws Exception {
        MvcTestResult result = explore("dataset", "arithmetic", "pair", "3");

        assertThat(result).hasStatusOk();
        PromptResponsePair pair = datasets.pairs("arithmetic", Split.TRAIN).get(3);
        assertThat(form(result).prompt()).isEqualTo(pair.prompt());
        var example = template.render(pair.prompt(), pair.response());
        int n = example.length();
        int promptTokens = example.promptLength();

        String html = html(result);
        String pretraining = lane(html, "pretraining");
        String instruction = lane(html, "instruction");
        assertThat(count(pretraining, "data-role=\"prompt\"")).isEqualTo(promptTokens);
        assertThat(count(pretraining, "data-role=\"response\"")).isEqualTo(n - promptTokens);
        assertThat(count(instruction, "data-role=\"prompt\"")).isEqualTo(promptTokens);
        assertThat(count(instruction, "data-role=\"response\"")).isEqualTo(n - promptTokens);
        assertThat(count(pretraining, "data-target=\"true\"")).isEqualTo(n - 1);
        assertThat(count(pretraining, "data-target=\"false\"")).isEqualTo(1);
        assertThat(count(instruction, "data-target=\"true\"")).isEqualTo(n - promptTokens);
        assertThat(count(instruction, "data-target=\"false\"")).isEqualTo(promptTokens);
    }

    @Test
    void typedTextAndLambdaAreUsedAndKeptInTheForm() throws Exception {
        MvcTestResult result = explore("prompt", "What is the capital of Peru?", "response", "Lima",
                "promptWeight", "0.5", "checkpoint", "untrained");

        assertThat(result).hasStatusOk();
        assertThat(form(result).pair()).as("typed text is not a dataset pair").isNull();
        assertThat(form(result).promptWeight()).isEqualTo(0.5);
        Breakdown breakdown = (Breakdown) model(result).get("breakdown");
        assertThat(breakdown.promptWeight()).isEqualTo(0.5);
        assertThat(breakdown.tokens().get(breakdown.tokens().size() - 1).text()).isEqualTo("<|endoftext|>");
        var totals = breakdown.totals();
        assertThat(totals.get("weighted").sum()).isCloseTo(totals.get("instruction").sum()
                + 0.5 * (totals.get("pretraining").sum() - totals.get("instruction").sum()),
                org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void hostileTextIsShownAsTextAndNeverAsMarkup() throws Exception {
        MvcTestResult result = explore("prompt", "Repeat <b>this</b>", "response", "<script>alert(1)</script>");

        assertThat(result).hasStatusOk();
        assertThat(form(result).response()).isEqualTo("<script>alert(1)</script>");
        String html = html(result);
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Repeat &lt;b&gt;this&lt;/b&gt;")
                .doesNotContainIgnoringCase("<script>alert")
                .doesNotContain("<b>this</b>");
        assertEveryScriptIsExternal(html);
    }

    @Test
    void hostileValuesInErrorsAreEscapedToo() throws Exception {
        MvcTestResult result = explore("dataset", "<script>alert(1)</script>");

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(errors(result)).containsKey("dataset");
        assertThat(html(result)).doesNotContainIgnoringCase("<script>alert").contains("&lt;script&gt;alert(1)");
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() {
        for (String uri : new String[] {"/", "/explore"}) {
            MvcTestResult result = mvc.get().uri(uri).exchange();
            String policy = result.getResponse().getHeader("Content-Security-Policy");
            assertThat(policy).as(uri).contains("script-src 'self'").contains("object-src 'none'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void bytePiecesAreCountedAndExplained() throws Exception {
        Tokenizer tokenizer = Tokenizer.bundled();
        assertThat(tokenizer.fallbackBytes("Name the capital of India.")).as("course words, and '.' is one byte anyway")
                .isZero();
        assertThat(html(explore("dataset", "capitals", "pair", "0"))).doesNotContain("data-byte-note");

        // an emoji the course's vocabulary does not hold is spelled with its four UTF-8 bytes
        String smile = "Smile \uD83D\uDE00";
        assertThat(tokenizer.fallbackBytes(smile)).isGreaterThanOrEqualTo(4);
        assertThat(html(explore("prompt", smile, "response", "It is")))
                .contains(tokenizer.fallbackBytes(smile) + " of these", "are single bytes", "spelt byte by byte");
    }

    @Test
    void heldOutPairsCanBeReadAndTheSplitIsKeptInTheForm() throws Exception {
        PromptResponsePair first = datasets.pairs("capitals", Split.HELDOUT).get(0);
        MvcTestResult result = explore("dataset", "capitals", "split", "heldout", "pair", "0");

        assertThat(result).hasStatusOk();
        assertThat(form(result).split()).isEqualTo("heldout");
        assertThat(form(result).prompt()).isEqualTo(first.prompt());
        assertThat(html(result)).contains("<option value=\"heldout\" selected=\"selected\">");

        MvcTestResult unknown = explore("split", "test");
        assertThat(unknown).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(errors(unknown)).containsOnlyKeys("split");
        assertThat(form(unknown).split()).isEqualTo("train");
    }

    @Test
    void compareModeReadsThePairWithBothCheckpointsAndShowsEachTargetsChange() throws Exception {
        MvcTestResult result = explore("dataset", "capitals", "split", "heldout", "pair", "0",
                "checkpoint", "base", "compare", "untrained");

        assertThat(result).hasStatusOk();
        assertThat(form(result).compare()).isEqualTo("untrained");
        CheckpointChange change = (CheckpointChange) model(result).get("change");
        Breakdown shown = (Breakdown) model(result).get("breakdown");
        assertThat(change.tokens()).hasSize(shown.tokens().size() - 1);
        assertThat(change.tokens()).allSatisfy(token -> {
            assertThat(token.toNll()).isEqualTo(shown.tokens().get(token.position()).nll());
            assertThat(token.bin()).isEqualTo(ChangeScale.bin(token.toNll() - token.fromNll()));
        });
        double responseMean = change.tokens().stream().filter(token -> token.role().equals("response"))
                .mapToDouble(CheckpointChange.TokenChange::change).average().orElseThrow();
        assertThat(change.response().change()).as("the response line is the mean of the response targets' changes")
                .isCloseTo(responseMean, within(1e-9));
        assertThat(change.response().toMean()).as("the base reads held-out capitals better than random weights")
                .isLessThan(change.response().fromMean());
        assertThat(html(result)).contains("What changed: Pre-trained base against Untrained", wording.page(change.summary().get(0)))
                .containsPattern("<option value=\"untrained\"[^>]*selected=\"selected\"");

        assertThat(model(explore("checkpoint", "base", "compare", "base"))).as("the same checkpoint twice: nothing to compare")
                .doesNotContainKey("change");
        MvcTestResult unknown = explore("compare", "no-such-run");
        assertThat(unknown).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(errors(unknown)).containsOnlyKeys("compare");
        assertThat(explore("compare", "../x")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void changeBinsAreSymmetricAroundNoChange() {
        assertThat(ChangeScale.bin(0)).isEqualTo(3);
        assertThat(ChangeScale.bin(-0.2)).isEqualTo(3);
        assertThat(ChangeScale.bin(-5)).isZero();
        assertThat(ChangeScale.bin(30)).isEqualTo(6);
        assertThat(ChangeScale.bin(-1.5)).isEqualTo(1);
        assertThat(ChangeScale.bin(1.5)).isEqualTo(5);
        assertThat(ChangeScale.BINS).isEqualTo(7);
    }

    @Test
    void unknownDatasetIsNotFoundAndShowsTheFirstDatasetsPicker() throws Exception {
        MvcTestResult result = explore("dataset", "no-such-set");

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasViewName("explore");
        assertThat(errors(result)).containsOnlyKeys("dataset");
        assertThat(errors(result).get("dataset")).contains("no-such-set");
        assertThat(form(result).dataset()).isEqualTo(datasets.list().get(0).name());
        assertThat(model(result)).doesNotContainKey("breakdown");
        assertThat(html(result)).contains("no-such-set").doesNotContain("data-lane=\"pretraining\"");
    }

    @Test
    void pathTricksInTheDatasetAreJustUnknown() {
        MvcTestResult result = explore("dataset", "../../etc/passwd");

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(errors(result)).containsOnlyKeys("dataset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc", "99999", "1.5", "2147483648"})
    void badPairIsABadRequest(String pair) throws Exception {
        MvcTestResult result = explore("dataset", "capitals", "pair", pair);

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasViewName("explore");
        assertThat(errors(result)).containsOnlyKeys("pair");
        assertThat(errors(result).get("pair")).contains("0 to " + (datasets.pairs("capitals", Split.TRAIN).size() - 1));
        assertThat(model(result)).doesNotContainKey("breakdown");
        assertThat(html(result)).contains(errors(result).get("pair"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "2", "-0.5", "abc", "Infinity", "1.0000001"})
    void badLambdaIsABadRequest(String lambda) throws Exception {
        MvcTestResult result = explore("promptWeight", lambda);

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(errors(result)).containsOnlyKeys("promptWeight");
        assertThat(model(result)).doesNotContainKey("breakdown");
        assertThat(form(result).promptWeight()).isBetween(0.0, 1.0);
    }

    @Test
    void unknownCheckpointIsNotFound() {
        MvcTestResult result = explore("checkpoint", "no-such-run");

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(errors(result)).containsOnlyKeys("checkpoint");
        assertThat(form(result).checkpoint()).isEqualTo(BreakdownService.DEFAULT_CHECKPOINT);
    }

    @Test
    void pathTrickCheckpointIsABadRequest() {
        MvcTestResult result = explore("checkpoint", "../../etc/passwd");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(errors(result)).containsOnlyKeys("checkpoint");
    }

    @Test
    void overLongPromptIsABadRequestShownInline() throws Exception {
        MvcTestResult result = explore("prompt", "p".repeat(601), "response", "ok");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(errors(result)).containsOnlyKeys("prompt");
        assertThat(errors(result).get("prompt")).contains("601").contains("600");
        assertThat(form(result).prompt()).as("the form keeps what was typed").hasSize(601);
        assertThat(html(result)).contains(errors(result).get("prompt"));
    }

    @Test
    void aPairLongerThanTheContextSaysHowManyTokens() {
        String response = "🤖".repeat(100);
        int tokens = template.render("Draw robots", response).length();

        MvcTestResult result = explore("prompt", "Draw robots", "response", response);

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(errors(result)).containsOnlyKeys("response");
        assertThat(errors(result).get("response")).contains(String.valueOf(tokens)).contains("128");
    }

    @Test
    void aTypedPromptWithoutAResponseAsksForOne() {
        MvcTestResult result = explore("prompt", "Only a question");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(errors(result)).containsOnlyKeys("response");
    }

    @Test
    void severalBadValuesAreAllReported() {
        MvcTestResult result = explore("dataset", "capitals", "pair", "abc", "promptWeight", "NaN",
                "checkpoint", "nope");

        assertThat(result).hasStatus4xxClientError();
        assertThat(errors(result)).containsOnlyKeys("pair", "promptWeight", "checkpoint");
    }

    private static void assertEveryScriptIsExternal(String html) {
        Matcher tags = SCRIPT_TAG.matcher(html);
        int scripts = 0;
        while (tags.find()) {
            scripts++;
            assertThat(tags.group()).as("inline scripts break the CSP").contains(" src=");
        }
        assertThat(scripts).isPositive();
    }
}
