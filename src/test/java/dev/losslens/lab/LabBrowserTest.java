package dev.losslens.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.browser.BrowserTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** From the lab form to a finished run page with live charts, in a real browser at projector and phone sizes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:labtest;DB_CLOSE_DELAY=-1")
class LabBrowserTest extends BrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aComparisonStartedFromTheFormTrainsToFinishedChartsAnswersAndExports() throws Exception {
        chromium.viewport(1920, 1080);
        chromium.driver().get(url("/runs/new"));
        fillShortRun();
        assertThat(field("lane-0-promptWeight").isDisplayed()).as("λ only shows for weighted lanes").isFalse();
        chromium.script("document.getElementById('lab-form').scrollIntoView();");
        chromium.screenshot("lab-form");

        chromium.driver().findElement(By.cssSelector("#lab-form button[type=submit]")).click();
        waitForRunPage();
        waitUntilFinished();
        String runUrl = chromium.driver().getCurrentUrl();
        assertThat(runUrl).matches("http://localhost:\\d+/runs/\\d+");
        String id = runUrl.substring(runUrl.lastIndexOf('/') + 1);

        assertThat(text("[data-status-text]")).startsWith("Finished: 30 steps");
        assertThat(text("[data-status-badge]")).isEqualToIgnoringCase("finished");
        assertThat(pointsPerLane("responseNll")).hasSize(2).allSatisfy(points -> assertThat(points).isGreaterThanOrEqualTo(2));
        assertThat(pointsPerLane("promptNll")).containsExactlyElementsOf(pointsPerLane("responseNll"));
        assertThat(chromium.driver().findElements(By.cssSelector("[data-chart-legend] li")))
                .extracting(WebElement::getText)
                .containsExactly("Instruction objective, from scratch", "Pre-training objective, from scratch");
        assertThat(chromium.driver().findElements(By.cssSelector(".generations-table tbody tr"))).isNotEmpty()
                .allSatisfy(row -> assertThat(row.findElements(By.cssSelector("td.answer"))).hasSize(2));
        assertThat(chromium.driver().findElements(By.cssSelector(".scoreboard [data-cell=checkpoint] a")))
                .extracting(link -> link.getDomAttribute("href"))
                .containsExactly("/explore?dataset=capitals&split=heldout&checkpoint=run-%s-lane-0".formatted(id),
                        "/explore?dataset=capitals&split=heldout&checkpoint=run-%s-lane-1".formatted(id));
        // built from losslens.web.public-url, not from the address this browser happened to use
        assertThat(field("share-url").getDomProperty("value")).isEqualTo("http://localhost:8080/runs/" + id);
        assertThat(chromium.driver().findElements(By.cssSelector("[data-png]"))).hasSize(6)
                .allSatisfy(button -> assertThat(button.isDisplayed()).isTrue());

        String csv = get(chromium.driver().findElement(By.cssSelector("[data-export=csv]")).getDomAttribute("href"));
        assertThat(csv.lines()).hasSize(1 + 2 * 4).first().asString().startsWith("lane,label,objective");
        assertThat(get(chromium.driver().findElement(By.cssSelector("[data-export=json]")).getDomAttribute("href")))
                .contains("\"status\":\"finished\"", "\"responseNll\"");

        chromium.driver().findElement(By.cssSelector("[data-log-scale]")).click();
        assertThat((String) chromium.script("return Chart.getChart(document.querySelector("
                + "'[data-chart=responseNll] canvas')).options.scales.y.type;")).isEqualTo("logarithmic");
        chromium.driver().findElement(By.cssSelector("[data-log-scale]")).click();
        chromium.screenshot("lab-run-projector");

        chromium.viewport(390, 844);
        chromium.driver().navigate().refresh();
        waitUntilFinished();
        assertThat(chromium.sidewaysOverflow()).as("the page and its lane and answer tables").isLessThanOrEqualTo(1);
        chromium.screenshot("lab-run-phone");
    }

    @Test
    void theObjectivePresetRunsFromOneClickAndShowsTheLessonInItsCharts() throws Exception {
        chromium.viewport(1920, 1080);
        chromium.driver().get(url("/runs/new"));
        chromium.driver().findElement(By.cssSelector("button[name=preset][value=objective-from-base]")).click();
        waitForRunPage();
        waitUntilFinished(Duration.ofSeconds(150));

        assertThat(text("[data-status-text]")).startsWith("Finished: 300 steps");
        assertThat(pointsPerLane("responseNll")).containsExactly(13, 13);
        String runUrl = chromium.driver().getCurrentUrl();
        JsonNode run = JSON.readTree(get("/api/comparisons/" + runUrl.substring(runUrl.lastIndexOf('/') + 1)));
        JsonNode pretraining = last(run.get("lanes").get(0));
        JsonNode instruction = last(run.get("lanes").get(1));
        assertThat(instruction.get("responseNll").asDouble())
                .as("the instruction objective reaches the lower held-out response NLL")
                .isLessThan(pretraining.get("responseNll").asDouble());
        assertThat(pretraining.get("promptNll").asDouble())
                .as("only the full-sequence lane learns the prompts")
                .isLessThan(instruction.get("promptNll").asDouble() / 2);
    }

    private static JsonNode last(JsonNode lane) {
        JsonNode metrics = lane.get("metrics");
        return metrics.get(metrics.size() - 1);
    }

    /** 30 steps of instruction vs pre-training, both from scratch: seconds, not the presets' 300 steps. */
    private static void fillShortRun() {
        new Select(field("dataset")).selectByValue("capitals");
        type("steps", "30");
        type("evalEvery", "10");
        new Select(field("lane-0-objective")).selectByValue("instruction");
        new Select(field("lane-0-init")).selectByValue("scratch");
        new Select(field("lane-1-objective")).selectByValue("pretraining");
        new Select(field("lane-1-init")).selectByValue("scratch");
        new Select(field("lane-2-objective")).selectByValue("");
        new Select(field("lane-3-objective")).selectByValue("");
    }

    /** The submit answers with a redirect; until it lands, the form page's elements go stale under the test. */
    private static void waitForRunPage() {
        chromium.waitUpTo(Duration.ofSeconds(10))
                .until(driver -> driver.getCurrentUrl().matches("http://localhost:\\d+/runs/\\d+"));
    }

    private static void waitUntilFinished() {
        waitUntilFinished(Duration.ofSeconds(60));
    }

    private static void waitUntilFinished(Duration patience) {
        chromium.waitUpTo(patience).ignoring(StaleElementReferenceException.class).until(driver ->
                "finished".equals(driver.findElement(By.cssSelector("main")).getDomAttribute("data-status"))
                        && driver.findElement(By.cssSelector("[data-chart=responseNll]")).getDomAttribute("data-points") != null
                        && !pointsPerLane("responseNll").contains(0));
    }

    private static List<Integer> pointsPerLane(String metric) {
        String points = chromium.driver().findElement(By.cssSelector("[data-chart=%s]".formatted(metric)))
                .getDomAttribute("data-points");
        return Arrays.stream(points.split(",")).map(Integer::valueOf).toList();
    }

    private static WebElement field(String id) {
        return chromium.driver().findElement(By.id(id));
    }

    private static void type(String id, String value) {
        field(id).clear();
        field(id).sendKeys(value);
    }

    private static String text(String selector) {
        return chromium.driver().findElement(By.cssSelector(selector)).getText();
    }

    private String url(String path) {
        return "http://localhost:%d%s".formatted(port, path);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
