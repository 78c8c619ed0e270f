package dev.losslens.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.losslens.comparison.ComparisonConfig;
import dev.losslens.comparison.ComparisonService;
import dev.losslens.comparison.ComparisonStatus;
import dev.losslens.training.LaneSpec;
import dev.losslens.training.PipelineBug;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

@SpringBootTest
@AutoConfigureMockMvc
class LabPageTest {

    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ComparisonService comparisons;

    /** A valid two-step comparison as the form posts it; lane rows 3 and 4 unused. */
    private static MultiValueMap<String, String> shortRun() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.setAll(Map.of("dataset", "capitals", "model", "tiny", "steps", "2", "learningRate", "0.001",
                "batchSize", "4", "seed", "11", "evalEvery", "1"));
        form.setAll(Map.of("lanes[0].objective", "instruction", "lanes[0].promptWeight", "", "lanes[0].init", "scratch",
                "lanes[1].objective", "pretraining", "lanes[1].promptWeight", "", "lanes[1].init", "scratch",
                "lanes[2].objective", "", "lanes[2].init", "base", "lanes[3].objective", "", "lanes[3].init", "base"));
        return form;
    }

    private MvcTestResult post(MultiValueMap<String, String> form) {
        return mvc.post().with(csrf()).uri("/runs/new").contentType(MediaType.APPLICATION_FORM_URLENCODED).formFields(form).exchange();
    }

    private static MultiValueMap<String, String> with(MultiValueMap<String, String> form, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            form.set(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> errors(MvcTestResult result) {
        return (Map<String, String>) result.getMvcResult().getModelAndView().getModel().get("errors");
    }

    private static LabForm form(MvcTestResult result) {
        return (LabForm) result.getMvcResult().getModelAndView().getModel().get("form");
    }

    private static String html(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    private void awaitStatus(long id, ComparisonStatus status, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (comparisons.view(id).status() != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(comparisons.view(id).status()).isEqualTo(status);
    }

    private static long runId(MvcTestResult result) {
        Matcher id = Pattern.compile("/runs/(\\d+)").matcher(result.getResponse().getRedirectedUrl());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    @Test
    void formShowsThePresetsTheBoundsAndFourLaneRowsWithoutInlineScripts() throws Exception {
        MvcTestResult result = mvc.get().uri("/runs/new").exchange();

        assertThat(result).hasStatusOk().hasViewName("runs/new");
        assertThat(form(result).lanes()).extracting(LabForm.LaneRow::objective)
                .containsExactly("pretraining", "instruction", "", "");
        String html = html(result);
        assertThat(html).contains("1 to 2000", "0.00001 to 0.1", "1 to 64 pairs per step", "2 to 4",
                "Pre-training vs instruction objective, from the base", "Instruction tuning: scratch vs base",
                "Prompt weight λ = 0 / 0.1 / 1", "name=\"lanes[3].objective\"", "value=\"objective-from-base\"");
        assertThat(SCRIPT_TAG.matcher(html).results()).allSatisfy(tag -> assertThat(tag.group()).contains("src="));
        assertThat(html).doesNotContain("style=");
    }

    @Test
    void aPresetLoadsIntoTheFormAndAnUnknownOneIsNamed() throws Exception {
        MvcTestResult loaded = mvc.get().uri("/runs/new?preset=prompt-weight").exchange();
        assertThat(loaded).hasStatusOk();
        assertThat(form(loaded).lanes()).extracting(LabForm.LaneRow::promptWeight).containsExactly("0", "0.1", "1", "");
        assertThat(form(loaded).learningRate()).isEqualTo("0.0001");

        MvcTestResult unknown = mvc.get().uri("/runs/new?preset=nope").exchange();
        assertThat(unknown).hasStatus(HttpStatus.NOT_FOUND).hasViewName("runs/new");
        assertThat(errors(unknown)).containsOnlyKeys("presets");
    }

    @Test
    void aRejectedFormComesBackWithTheMessageNextToTheFieldAndTheValuesKept() throws Exception {
        MvcTestResult tooLong = post(with(shortRun(), "steps", "5000"));
        assertThat(tooLong).hasStatus(HttpStatus.BAD_REQUEST).hasViewName("runs/new");
        assertThat(errors(tooLong)).containsExactly(Map.entry("steps", "Steps must be from 1 to 2000"));
        // the form posts to the lab's own address, so a rejected form stays on /runs/new
        assertThat(html(tooLong)).contains("value=\"5000\"", "id=\"steps-error\"", "href=\"#steps\"",
                "action=\"/runs/new\"",
                "value=\"instruction\" selected");

        MvcTestResult notANumber = post(with(shortRun(), "learningRate", "fast"));
        assertThat(notANumber).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(errors(notANumber)).containsExactly(Map.entry("learningRate", "Learning rate must be a number, not 'fast'"));

        MvcTestResult tooSmall = post(with(shortRun(), "learningRate", "0.000001"));
        assertThat(errors(tooSmall)).as("bounds in plain numbers")
                .containsExactly(Map.entry("learningRate", "Learning rate must be from 0.00001 to 0.1"));

        MvcTestResult everything = post(with(shortRun(), "steps", "abc", "learningRate", "5", "batchSize", "0",
                "lanes[1].objective", "weighted", "lanes[1].promptWeight", "2"));
        assertThat(everything).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(errors(everything)).as("every mistake at once, unreadable and out of range alike").containsExactly(
                Map.entry("steps", "Steps must be a number, not 'abc'"),
                Map.entry("learningRate", "Learning rate must be from 0.00001 to 0.1"),
                Map.entry("batchSize", "Batch size must be from 1 to 64"),
                Map.entry("lane-1-promptWeight", "Lane 2 is weighted and needs λ from 0 to 1"));
        assertThat(html(everything)).contains("id=\"steps-error\"", "id=\"learningRate-error\"",
                "id=\"batchSize-error\"", "id=\"lane-1-promptWeight-error\"");

        MvcTestResult unknownDataset = post(with(shortRun(), "dataset", "klingon"));
        assertThat(unknownDataset).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(errors(unknownDataset)).containsOnlyKeys("dataset");

        MvcTestResult oneLane = post(with(shortRun(), "lanes[1].objective", ""));
        assertThat(oneLane).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(errors(oneLane)).containsOnlyKeys("lanes");
    }

    @Test
    void laneErrorsPointAtTheFormRowEvenWhenARowAboveIsUnused() throws Exception {
        MvcTestResult noLambda = post(with(shortRun(), "lanes[1].objective", "", "lanes[2].objective", "weighted",
                "lanes[3].objective", "pretraining"));
        assertThat(noLambda).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(errors(noLambda)).containsOnlyKeys("lane-2-promptWeight");
        assertThat(html(noLambda)).contains("id=\"lane-2-promptWeight-error\"");

        MvcTestResult repeated = post(with(shortRun(), "lanes[1].objective", "", "lanes[3].objective", "instruction",
                "lanes[3].init", "scratch"));
        assertThat(repeated).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(errors(repeated)).containsExactly(
                Map.entry("lane-3", "Lane 4 repeats lane 1; lanes must differ in objective, init, answer span or bug"));
    }

    @Test
    void aLanePlantsABugOnlyAsAnInstructionLaneAndTheRunPageNamesItUnderAClosedDisclosure() throws Exception {
        assertThat(html(mvc.get().uri("/runs/new").exchange())).contains("name=\"lanes[3].bug\"",
                "<option value=\"\">correct pipeline</option>",
                "<option value=\"mask-dropped\">with a bug: the prompt mask dropped</option>",
                "id=\"lane-0-bug-hint\"");

        MvcTestResult onPretraining = post(with(shortRun(), "lanes[1].bug", "end-of-text-masked"));
        assertThat(onPretraining).hasStatus(HttpStatus.BAD_REQUEST).hasViewName("runs/new");
        assertThat(errors(onPretraining)).containsExactly(Map.entry("lane-1-bug",
                "Lane 2 plants a pipeline bug, which only an instruction lane can have"));
        assertThat(html(onPretraining)).contains("id=\"lane-1-bug-error\"",
                "<option value=\"end-of-text-masked\" selected=\"selected\">");
        assertThat(post(with(shortRun(), "lanes[0].bug", "no-such-bug"))).hasStatus(HttpStatus.BAD_REQUEST)
                .satisfies(result -> assertThat(errors(result)).containsOnlyKeys("lane-0-bug"));

        MvcTestResult planted = post(with(shortRun(), "lanes[0].bug", "end-of-text-masked"));
        assertThat(planted).hasStatus(HttpStatus.FOUND);
        long id = runId(planted);
        assertThat(comparisons.view(id).lanes().get(0).bug()).isEqualTo(PipelineBug.END_OF_TEXT_MASKED);
        awaitStatus(id, ComparisonStatus.FINISHED, Duration.ofSeconds(60));
        assertThat(html(mvc.get().uri("/runs/" + id).exchange())).contains(
                "<details class=\"panel run-reveal\" data-reveal>", "Name the bug",
                "The bug: the end-of-text token masked as padding",
                "href=\"https://github.com/huggingface/trl/issues/1623\"",
                "Every end-of-text token of an answer is a counted target.",
                "Pre-training objective, from scratch: passed all 8 checks on every step it trained (1 to 2).",
                "failed “Every end-of-text token of an answer is a counted target.” first at step 1");
        assertThat(html(mvc.get().uri("/runs/" + runId(post(shortRun()))).exchange()))
                .as("a run without a bug has nothing to name").doesNotContain("data-reveal>");
    }

    @Test
    void aValidFormOpensTheRunPageWhichReadsWithoutJavaScriptAndExportsCsv() throws Exception {
        MvcTestResult submitted = post(shortRun());
        assertThat(submitted).hasStatus(HttpStatus.FOUND);
        long id = runId(submitted);
        awaitStatus(id, ComparisonStatus.FINISHED, Duration.ofSeconds(60));

        // the share link comes from losslens.web.public-url, whatever Host the request claims
        MvcTestResult page = mvc.get().uri("/runs/" + id).header("Host", "evil.example").exchange();
        assertThat(page).hasStatusOk().hasViewName("runs/show");
        assertThat(html(page)).doesNotContain("evil.example");
        assertThat(html(page)).contains("Run #<span>" + id + "</span>", "Finished: 2 steps",
                "Instruction objective, from scratch", "Pre-training objective, from scratch",
                "http://localhost:8080/runs/" + id, "/api/comparisons/" + id + "/metrics.csv",
                "/explore?dataset=capitals&amp;split=heldout&amp;checkpoint=run-" + id + "-lane-0", "class=\"generations-table stack-on-phone\"");

        MvcTestResult csv = mvc.get().uri("/api/comparisons/" + id + "/metrics.csv").exchange();
        assertThat(csv).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
        assertThat(csv.getResponse().getContentAsString()).startsWith("lane,label,objective,prompt_weight,init,answer_span,"
                + "bug,step,train_loss,response_nll,every_turn_nll,prompt_nll,full_nll,exact_match,stopped,drift\r\n");
        List<String> lines = csv.getResponse().getContentAsString().lines().toList();
        assertThat(lines).hasSize(1 + 2 * 3);
        assertThat(lines.get(1)).startsWith("0,\"Instruction objective, from scratch\",instruction,0.0,scratch,every-turn,,0,,");

        assertThat(html(mvc.get().uri("/runs").exchange())).contains("href=\"/runs/" + id + "\"",
                "Instruction objective, from scratch");

        // replays of it are recorded but do not push real runs off the history
        MvcTestResult replayed = post(shortRun());
        long replay = runId(replayed);
        assertThat(replay).isNotEqualTo(id);
        assertThat(html(mvc.get().uri("/runs").exchange())).contains("href=\"/runs/" + id + "\"")
                .doesNotContain("href=\"/runs/" + replay + "\"");
    }

    @Test
    void aPresetButtonStartsThePresetAndCancelStopsIt() throws Exception {
        MvcTestResult started = mvc.post().with(csrf()).uri("/runs").param("preset", "scratch-vs-base").exchange();
        assertThat(started).hasStatus(HttpStatus.FOUND);
        long id = runId(started);
        assertThat(comparisons.view(id).config().lanes()).extracting(ComparisonConfig.LaneConfig::init)
                .containsExactly(LaneSpec.Init.SCRATCH, LaneSpec.Init.BASE);

        Cookie owner = started.getResponse().getCookie(OwnerCookie.NAME);
        assertThat(owner).isNotNull().satisfies(cookie -> assertThat(cookie.isHttpOnly()).isTrue());
        assertThat(html(mvc.get().uri("/runs/" + id).cookie(owner).exchange())).contains("data-cancel-form");
        assertThat(html(mvc.get().uri("/runs/" + id).exchange())).as("no cancel button for other visitors")
                .doesNotContain("data-cancel-form");
        assertThat(mvc.post().with(csrf()).uri("/runs/" + id + "/cancel").exchange()).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().with(csrf()).uri("/runs/" + id + "/cancel").cookie(owner).exchange())
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/runs/" + id);
        awaitStatus(id, ComparisonStatus.CANCELLED, Duration.ofSeconds(30));
    }

    @Test
    void unknownAndMalformedRunsAreNotFoundPagesNeverErrors() throws Exception {
        MvcTestResult unknown = mvc.get().uri("/runs/987654").accept(MediaType.TEXT_HTML).exchange();
        assertThat(unknown).hasStatus(HttpStatus.NOT_FOUND).hasViewName("error");
        assertThat(html(unknown)).contains("No comparison #987654");

        MvcTestResult malformed = mvc.get().uri("/runs/abc").accept(MediaType.TEXT_HTML).exchange();
        assertThat(malformed).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(html(malformed)).contains("There is no run &#39;abc&#39;");

        assertThat(mvc.get().uri("/api/comparisons/987654/metrics.csv").exchange())
                .hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
