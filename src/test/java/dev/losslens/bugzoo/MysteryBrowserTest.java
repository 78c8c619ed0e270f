package dev.losslens.bugzoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.browser.BrowserTest;
import dev.losslens.training.PipelineBug;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A learner starts a mystery run from the lab on a projector-sized screen and names its bug, then another from the
 * course path on a phone and names the wrong one; each page follows its run until it ends. Its own database, so the
 * mystery runs train here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:mystery-browser;DB_CLOSE_DELAY=-1")
class MysteryBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private static void press(WebElement element, CharSequence key) {
        chromium.script("arguments[0].focus();", element);
        new Actions(chromium.driver()).sendKeys(key).perform();
    }

    /** The bug of the mystery on screen, read from the database: the page never says it before the answer. */
    private PipelineBug bugOnScreen() {
        String id = chromium.driver().getCurrentUrl().replaceAll(".*/mysteries/(\\d+).*", "$1");
        return PipelineBug.valueOf(jdbc.sql("select bug from mystery where id = ?").param(Long.parseLong(id))
                .query(String.class).single().toUpperCase().replace('-', '_'));
    }

    /** Waits for the page to show the run's end by itself, and checks that the bug is nowhere but among the options. */
    private PipelineBug awaitEndedWithoutNamingTheBug() {
        // the page replaces its symptoms while the run trains: one read between two replacements reads again
        chromium.waitUpTo(Duration.ofMinutes(3)).ignoring(StaleElementReferenceException.class).until(driver ->
                "true".equals(driver.findElement(By.cssSelector("[data-symptoms]")).getDomAttribute("data-ended")));
        assertThat(chromium.driver().findElements(By.cssSelector("[data-until-ended]"))).isEmpty();
        PipelineBug bug = bugOnScreen();
        String title = chromium.driver().findElement(By.cssSelector("label[for=choice-" + bug.ordinal() + "]")).getText();
        String shown = chromium.script("""
                const page = document.body.cloneNode(true);
                page.querySelector('.mystery-answer fieldset').remove();
                return page.textContent;""");
        assertThat(shown).doesNotContainIgnoringCase(title).doesNotContain(bug.key()).contains("with a hidden bug");
        assertThat(chromium.driver().getPageSource()).doesNotContain(bug.key());
        return bug;
    }

    private void answer(int option) {
        press(chromium.driver().findElement(By.id("choice-" + option)), Keys.SPACE);
        press(chromium.driver().findElement(By.cssSelector(".mystery-answer button[type=submit]")), Keys.ENTER);
        chromium.waitUpTo(Duration.ofSeconds(20)).until(driver -> !driver.findElements(By.id("verdict")).isEmpty());
    }

    @Test
    void aMysteryIsGradedOnAProjectorAndOnAPhone() {
        chromium.viewport(1920, 1080);
        chromium.driver().get("http://localhost:%d/runs/new".formatted(port));
        press(chromium.driver().findElement(By.cssSelector(".preset-mystery button[type=submit]")), Keys.ENTER);
        chromium.waitUpTo(Duration.ofSeconds(20)).until(driver -> driver.getCurrentUrl().matches(".*/mysteries/\\d+$"));
        PipelineBug bug = awaitEndedWithoutNamingTheBug();
        chromium.screenshot("mystery-projector-symptoms");
        answer(bug.ordinal());
        WebElement verdict = chromium.driver().findElement(By.id("verdict"));
        assertThat(verdict.getText()).startsWith("✓ Right").contains("The check that would have caught it",
                "What this run's checks found", "first failed at step");
        assertThat(verdict.findElements(By.cssSelector(".reveal-reports a"))).isNotEmpty()
                .allSatisfy(link -> assertThat(link.getDomAttribute("href")).startsWith("https://github.com/"));
        assertThat(verdict.getText()).contains("your one answer so far is right");
        assertThat(chromium.driver().findElements(By.cssSelector(".mystery-answer"))).as("answered once").isEmpty();
        assertThat(chromium.sidewaysOverflow()).isLessThanOrEqualTo(1);
        chromium.screenshot("mystery-projector-verdict");

        chromium.viewport(390, 844);
        chromium.driver().get("http://localhost:%d/learn".formatted(port));
        press(chromium.driver().findElement(By.cssSelector("#bug-zoo .mystery-start button")), Keys.ENTER);
        chromium.waitUpTo(Duration.ofSeconds(20)).until(driver -> driver.getCurrentUrl().matches(".*/mysteries/\\d+$"));
        PipelineBug second = awaitEndedWithoutNamingTheBug();
        assertThat(chromium.sidewaysOverflow()).isLessThanOrEqualTo(1);
        chromium.screenshot("mystery-phone-symptoms");
        int wrong = (second.ordinal() + 1) % PipelineBug.values().length;
        answer(wrong);
        verdict = chromium.driver().findElement(By.id("verdict"));
        String title = verdict.findElement(By.cssSelector(".reveal h3 span")).getText();
        assertThat(verdict.getText()).startsWith("✗").contains("the bug is “" + title + "”")
                .contains("your last 2 answers");
        assertThat(chromium.sidewaysOverflow()).isLessThanOrEqualTo(1);
        chromium.screenshot("mystery-phone-verdict");
    }
}
