package dev.losslens.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.comparison.ComparisonService;
import dev.losslens.comparison.ComparisonStatus;
import dev.losslens.comparison.ComparisonView;
import dev.losslens.comparison.ComparisonView.LaneView;
import dev.losslens.text.Tokenizer;
import dev.losslens.training.MetricPoint;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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

/**
 * Presses the lab's preset buttons and trains them for real, then checks that each run shows the lesson its preset
 * promises and that the run page's words state the stored numbers. Its own database, so no other test replays or
 * cancels these runs.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:preset-lessons;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class PresetLessonsTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ComparisonService comparisons;

    private ComparisonView train(String preset) throws InterruptedException {
        String location = mvc.post().uri("/runs").param("preset", preset).exchange().getResponse().getRedirectedUrl();
        Matcher id = Pattern.compile("/runs/(\\d+)").matcher(String.valueOf(location));
        assertThat(id.find()).as("redirect to the run page, was %s", location).isTrue();
        long run = Long.parseLong(id.group(1));
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (comparisons.view(run).status() != ComparisonStatus.FINISHED && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        ComparisonView view = comparisons.view(run);
        assertThat(view.status()).isEqualTo(ComparisonStatus.FINISHED);
        return view;
    }

    /** Answers a predict item through the quiz API; returns the HTTP status and the body. */
    private MvcTestResult predict(String item, int choice) {
        return mvc.post().uri("/api/quiz/items/" + item + "/answers").contentType(MediaType.APPLICATION_JSON)
                .content("{\"choices\": [" + choice + "]}").exchange();
    }

    private static int rightChoice(MvcTestResult graded) throws Exception {
        String body = graded.getResponse().getContentAsString();
        Matcher right = Pattern.compile("\"right\":\\{\"choices\":\\[(\\d+)]").matcher(body);
        assertThat(right.find()).as(body).isTrue();
        return Integer.parseInt(right.group(1));
    }

    private static MetricPoint first(LaneView lane) {
        return lane.metrics().get(0);
    }

    private static MetricPoint last(LaneView lane) {
        return lane.metrics().get(lane.metrics().size() - 1);
    }

    private static String nats(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    @Test
    void scratchVersusBaseShowsWhatPreTrainingBringsAndTheWordsStateTheStoredNumbers() throws Exception {
        ComparisonView run = train("scratch-vs-base");
        LaneView scratch = run.lanes().get(0);
        LaneView base = run.lanes().get(1);

        assertThat(first(base).responseNll()).as("the base is ahead before any fine-tuning (held-out response NLL)")
                .isLessThan(first(scratch).responseNll());
        assertThat(first(base).fullNll()).as("the base reads held-out pairs better than a uniform guess")
                .isLessThan(Math.log(Tokenizer.bundled().vocabSize()));
        assertThat(last(base).responseNll()).isLessThan(last(scratch).responseNll());
        assertThat(last(base).exactMatch()).as("held-out capitals are answered only from what pre-training read")
                .isGreaterThan(last(scratch).exactMatch());
        assertThat(last(base).drift()).as("moderate adjustment").isLessThan(last(scratch).drift());

        List<String> findings = run.findings();
        assertThat(findings.get(0)).contains(
                scratch.label() + " " + nats(first(scratch).responseNll()) + " → " + nats(last(scratch).responseNll()),
                base.label() + " " + nats(first(base).responseNll()) + " → " + nats(last(base).responseNll()),
                base.label() + " ends lowest");
        assertThat(findings.get(2)).contains(nats(last(scratch).drift()), nats(last(base).drift()));
        assertThat(findings).anyMatch(line -> line.contains("moderate adjustment"));
        // the quiz's predictions are graded against this very run
        MvcTestResult exact = predict("predict-base-exact", 0);
        assertThat(exact).hasStatusOk();
        assertThat(rightChoice(exact)).as("yes: the base lane answers more").isZero();
        assertThat(rightChoice(predict("predict-base-drift", 1))).as("yes: the base lane drifts less").isZero();
        assertThat(findings).anyMatch(line -> line.startsWith("Exact match") && line.contains(base.label() + " "
                + String.format(Locale.ROOT, "%.0f %% → %.0f %%", first(base).exactMatch() * 100,
                last(base).exactMatch() * 100)));
    }

    @Test
    void theObjectivesSplitOnThePromptAndTheWordsSayByHowMuch() throws Exception {
        MvcTestResult early = predict("predict-instruction-prompt", 1);
        assertThat(early).as("no run yet: the quiz starts one and says so").hasStatus(HttpStatus.CONFLICT);
        Matcher started = Pattern.compile("Run #(\\d+) is still training").matcher(early.getResponse().getContentAsString());
        assertThat(started.find()).isTrue();
        long quizRun = Long.parseLong(started.group(1));
        assertThat(comparisons.view(quizRun).status()).as("the run the quiz started stays queued")
                .isIn(ComparisonStatus.QUEUED, ComparisonStatus.RUNNING);

        ComparisonView run = train("objective-from-base");
        assertThat(run.id()).as("the lab's button joins the run the quiz started").isEqualTo(quizRun);
        LaneView pretraining = run.lanes().get(0);
        LaneView instruction = run.lanes().get(1);

        double ptFall = first(pretraining).promptNll() - last(pretraining).promptNll();
        double sftFall = first(instruction).promptNll() - last(instruction).promptNll();
        assertThat(ptFall).as("prompt NLL falls further where prompt tokens are targets").isGreaterThan(sftFall + 1);

        int falls = first(instruction).promptNll() > last(instruction).promptNll() ? 0 : 1;
        assertThat(rightChoice(predict("predict-instruction-prompt", 1))).as("read from the run").isEqualTo(falls);
        int lowest = last(pretraining).responseNll() < last(instruction).responseNll() ? 0 : 1;
        assertThat(rightChoice(predict("predict-lowest-response", 0))).isEqualTo(lowest);

        assertThat(run.findings().get(1)).contains(
                pretraining.label() + " " + nats(first(pretraining).promptNll()) + " → " + nats(last(pretraining).promptNll()),
                instruction.label() + " " + nats(first(instruction).promptNll()) + " → " + nats(last(instruction).promptNll()));
    }
}
