package dev.losslens.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.browser.BrowserTest;
import dev.losslens.comparison.ComparisonConfig;
import dev.losslens.comparison.ComparisonRequest;
import dev.losslens.comparison.ComparisonRequest.LaneRequest;
import dev.losslens.comparison.ComparisonService;
import dev.losslens.comparison.ComparisonStatus;
import dev.losslens.comparison.ComparisonStore;
import dev.losslens.comparison.OwnerSecret;
import dev.losslens.comparison.Submission;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A run with a planted bug as a practitioner reads it, at projector and phone sizes: the batch its pipeline built at a
 * chosen step, and the bug named only once its reader opens "Name the bug"; the same run as a mystery names it nowhere.
 * Shares the lab browser test's database, and so its context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:labtest;DB_CLOSE_DELAY=-1")
class RunSymptomsBrowserTest extends BrowserTest {

    private static final String TITLE = "gradient accumulation averaging micro-batch means";

    @Autowired
    ComparisonService comparisons;

    @Autowired
    ComparisonStore store;

    /** Six steps of a correct instruction lane beside one that averages micro-batch means: batches of 8, two halves. */
    private static ComparisonRequest buggedRun() {
        return new ComparisonRequest("capitals", "tiny", 6, 1e-3, 8, 23L, 3, List.of(
                new LaneRequest("instruction", null, "base"),
                new LaneRequest("instruction", null, "base", null, "mean-of-micro-batch-means")));
    }

    @Test
    void theBatchShowsAtAChosenStepAndTheBugIsNamedOnlyWhenItsReaderAsks() {
        Submission open = comparisons.submit(buggedRun(), "127.0.0.1", OwnerSecret.generate());
        ComparisonConfig config = comparisons.validate(buggedRun()).asMystery();
        long mystery = store.insert(config, List.of("first", "second with a hidden bug"), ComparisonStatus.QUEUED,
                null, "127.0.0.1", OwnerSecret.generate());

        chromium.viewport(1920, 1080);
        openFinished(open.comparison().id());
        WebElement reveal = chromium.driver().findElement(By.cssSelector("[data-reveal]"));
        assertThat(reveal.getDomAttribute("open")).as("closed until opened").isNull();
        assertThat(chromium.driver().findElement(By.cssSelector(".run-reveal-bug h3")).isDisplayed()).isFalse();
        assertThat(text(".scoreboard tr[data-lane='1'] [data-cell=stopped]")).matches("\\d+ / \\d+");

        new Select(chromium.driver().findElement(By.id("batch-lane"))).selectByValue("1");
        WebElement step = chromium.driver().findElement(By.id("batch-step"));
        step.clear();
        step.sendKeys("2");
        chromium.driver().findElement(By.cssSelector("[data-batch-form] button")).click();
        waitForBatch("Step 2 of 6");
        assertThat(chromium.driver().findElements(By.cssSelector(".micro-batch h3"))).extracting(WebElement::getText)
                .hasSize(2).allSatisfy(title -> assertThat(title).matches("Micro-batch [12] of 2 · Σw = \\d+"));
        assertThat(chromium.driver().findElements(By.cssSelector(".batch-row"))).hasSize(8);
        assertThat(chromium.driver().findElements(By.cssSelector(".batch-tok[data-target=false]"))).isNotEmpty();
        assertThat(chromium.driver().findElements(By.cssSelector(".batch-tok[data-target=true]"))).isNotEmpty()
                .allSatisfy(chip -> assertThat(chip.getDomAttribute("class")).matches("tok batch-tok heat-\\d"));
        chromium.screenshot("run-symptoms-batch");

        chromium.driver().findElement(By.cssSelector("[data-reveal] summary")).click();
        assertThat(text(".run-reveal-bug h3")).isEqualTo("The bug: " + TITLE);
        assertThat(text(".run-reveal-checks")).contains("Instruction objective, from base: passed all 8 checks on every "
                + "step it trained (1 to 6).", "failed “The loss divides by all the batch's counted targets at once.” "
                + "first at step 1");
        assertThat(chromium.accessibilityFaults()).as("the batch shown, the bug named").isEmpty();
        chromium.screenshot("run-symptoms-reveal");

        chromium.viewport(390, 844);
        openFinished(open.comparison().id());
        // the page may put a fresh disclosure in place as the run's end reaches it: it must be closed either way
        chromium.waitUpTo(Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class).until(driver ->
                driver.findElement(By.cssSelector("[data-reveal]")).getDomAttribute("open") == null);
        showDefaultBatch();
        assertThat(text("[data-batch-status]")).isEmpty();
        assertThat(chromium.sidewaysOverflow()).as("the page, its tables and the batch's rows").isLessThanOrEqualTo(1);
        assertThat(chromium.accessibilityFaults()).isEmpty();
        chromium.screenshot("run-symptoms-phone");

        openFinished(mystery);
        assertThat(chromium.driver().getPageSource()).doesNotContain(TITLE, "mean-of-micro-batch-means");
        assertThat(chromium.driver().findElements(By.cssSelector("[data-reveal-slot] *"))).isEmpty();
        showDefaultBatch();
        assertThat(chromium.driver().findElements(By.cssSelector(".micro-batch"))).as("its symptoms show").hasSize(2);
        assertThat(chromium.sidewaysOverflow()).isLessThanOrEqualTo(1);
        chromium.screenshot("run-symptoms-mystery-phone");
    }

    /**
     * The run's page once the run has finished: the page follows it there by itself, and then puts in place what the
     * server writes at the end, the findings and "Name the bug".
     */
    private void openFinished(long id) {
        chromium.driver().get("http://localhost:%d/runs/%d".formatted(port, id));
        chromium.waitUpTo(Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class).until(driver ->
                "finished".equals(driver.findElement(By.cssSelector("main")).getDomAttribute("data-status"))
                        && driver.findElements(By.cssSelector("[data-findings-pending]")).isEmpty());
    }

    /** The batch view loads its first batch when its reader reaches it: the first lane with a bug, at step 1. */
    private static void showDefaultBatch() {
        chromium.script("document.querySelector('[data-batch-view]').scrollIntoView();");
        waitForBatch("Step 1 of 6");
    }

    private static void waitForBatch(String summary) {
        chromium.waitUpTo(Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(driver ->
                driver.findElements(By.cssSelector(".batch-summary")).stream()
                        .anyMatch(shown -> shown.getText().startsWith(summary)));
    }

    private static String text(String selector) {
        return chromium.driver().findElement(By.cssSelector(selector)).getText();
    }
}
