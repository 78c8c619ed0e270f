package dev.losslens.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.browser.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A learner predicts how drift compares before the preset has ever run: the page shows the run training, then checks
 * the prediction in place when it ends and draws the run's drift beside the verdict. Its own database, so the preset
 * has no stored run yet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:predict-browser;DB_CLOSE_DELAY=-1")
class PredictBrowserTest extends BrowserTest {

    private static void press(WebElement element, CharSequence key) {
        chromium.script("arguments[0].focus();", element);
        new Actions(chromium.driver()).sendKeys(key).perform();
    }

    @Test
    void aPredictionWaitsForItsRunAndIsCheckedInPlaceWhenTheRunEnds() {
        chromium.viewport(390, 844);
        chromium.driver().get("http://localhost:%d/quiz/run?set=predict-base-drift&at=0".formatted(port));
        chromium.script("window.__samePage = 1;");
        press(chromium.driver().findElement(By.id("choice-0")), Keys.SPACE);
        press(chromium.driver().findElement(By.cssSelector(".quiz-item button[type=submit]")), Keys.ENTER);

        WebElement pending = chromium.waitUpTo(Duration.ofSeconds(10))
                .until(driver -> driver.findElement(By.cssSelector("#answer-status [data-pending]")));
        assertThat(pending.getText()).containsPattern("Your prediction waits for run #\\d+")
                .containsPattern("Step \\d+ of \\d+");
        assertThat(pending.findElement(By.cssSelector("[data-no-js-hint]")).isDisplayed())
                .as("no need to press again when the page checks by itself").isFalse();
        chromium.screenshot("predict-phone-pending");

        WebElement feedback = chromium.waitUpTo(Duration.ofMinutes(3))
                .until(driver -> driver.findElement(By.cssSelector("#answer-status #feedback")));
        assertThat((Object) chromium.script("return window.__samePage;")).as("checked without a page load")
                .isEqualTo(1L);
        assertThat(chromium.driver().findElement(By.id("answer-status")).getDomAttribute("role")).isEqualTo("status");
        assertThat((Object) chromium.script("return document.activeElement.textContent.trim();"))
                .isEqualTo("See your score");
        WebElement observed = feedback.findElement(By.cssSelector(".observed"));
        assertThat(observed.getText()).containsPattern("Run #\\d+: Drift");
        assertThat(observed.findElements(By.cssSelector("meter"))).hasSize(2);
        for (WebElement meter : observed.findElements(By.cssSelector("meter"))) {
            assertThat(Double.parseDouble(meter.getDomProperty("value"))).isPositive()
                    .isLessThanOrEqualTo(Double.parseDouble(meter.getDomProperty("max")));
        }
        assertThat(chromium.sidewaysOverflow()).isLessThanOrEqualTo(1);
        chromium.screenshot("predict-phone-observed");
        chromium.viewport(1920, 1080);
        chromium.screenshot("predict-projector-observed");
    }
}
