package dev.losslens.lecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.browser.BrowserTest;
import dev.losslens.browser.HeadlessChromium;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The deck's optional mystery step: the presenter can pass it with S, and when shown the class votes on the culprit on
 * their phones; the reveal names the bug and shows the batch row that proves it, on one projector screen. Shares the
 * lecture tests' database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:lecture;DB_CLOSE_DELAY=-1")
class MysteryStepBrowserTest extends BrowserTest {

    /** The deck's mystery step asks zoo-lynx, whose bug is the third option. */
    private static final int MYSTERY_STEP = 10;
    private static final int END_OF_TEXT_MASKED = 2;
    private static final List<HeadlessChromium> phones = new ArrayList<>();

    @AfterAll
    static void closePhones() {
        phones.forEach(HeadlessChromium::close);
    }

    private static WebDriverWait waiting(HeadlessChromium browser, int seconds) {
        WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(seconds));
        // the deck reloads itself when the session moves on: an element read mid-reload is gone, so read again
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    private static void keyTo(CharSequence key, int step) {
        new Actions(chromium.driver()).sendKeys(key).perform();
        waiting(chromium, 10).until(driver -> String.valueOf(step).equals(
                driver.findElement(By.tagName("body")).getDomAttribute("data-step")));
    }

    private static void tap(HeadlessChromium phone, String url, int option) {
        phone.driver().get(url);
        By button = By.cssSelector("button[name=choice][value='" + option + "']");
        waiting(phone, 10).until(driver -> driver.findElement(button)).click();
        waiting(phone, 10).until(driver -> "true".equals(driver.findElement(button).getDomAttribute("aria-pressed")));
    }

    private static long overflow() {
        Number below = chromium.script("return document.documentElement.scrollHeight - window.innerHeight;");
        return below.longValue();
    }

    @Test
    void theClassVotesOnTheCulpritAndTheRevealShowsTheBatchRowThatProvesIt() {
        String base = "http://localhost:" + port;
        chromium.viewport(1920, 1080);
        chromium.driver().get(base + "/lecture");
        chromium.driver().findElement(By.cssSelector("form[action='/lecture'] button")).sendKeys(Keys.ENTER);
        waiting(chromium, 20).until(driver -> driver.getCurrentUrl().matches(".*/lecture/[A-Z0-9]{5}$"));
        String code = chromium.driver().findElement(By.tagName("body")).getDomAttribute("data-code");
        String deck = chromium.driver().getCurrentUrl();

        keyTo("0", MYSTERY_STEP - 1);
        chromium.driver().get(base + "/lecture/" + code + "/presenter");
        assertThat(chromium.driver().findElement(By.cssSelector(".deck-outline")).getText())
                .contains("A mystery run: which bug? (optional)");
        WebElement skip = chromium.driver().findElement(By.cssSelector("form:has(input[value=skip])"));
        assertThat(skip.getText()).contains("is optional: S on the deck, or this button, goes past it.");
        skip.findElement(By.tagName("button")).click();
        waiting(chromium, 10).until(driver -> driver.findElement(By.tagName("h1")).getText().startsWith("12 / 12"));
        chromium.driver().get(deck);
        keyTo("0", MYSTERY_STEP - 1);
        keyTo("s", MYSTERY_STEP + 1);
        keyTo(Keys.ARROW_LEFT, MYSTERY_STEP);

        waiting(chromium, 180).until(driver -> "true".equals(driver.findElement(By.cssSelector("[data-symptoms]"))
                .getDomAttribute("data-ended")));
        String title = chromium.driver().findElements(By.cssSelector(".poll-options li")).get(END_OF_TEXT_MASKED)
                .getText();
        assertThat(chromium.driver().findElement(By.cssSelector(".deck-mystery")).getText())
                .contains("with a hidden bug", "Answers that stop").doesNotContainIgnoringCase(title);
        assertThat(overflow()).as("the symptoms and the poll fit the projector").isLessThanOrEqualTo(0);
        chromium.screenshot("mystery-step-symptoms");

        HeadlessChromium alice = HeadlessChromium.start(390, 844);
        phones.add(alice);
        HeadlessChromium bob = HeadlessChromium.start(390, 844);
        phones.add(bob);
        tap(alice, base + "/join/" + code, END_OF_TEXT_MASKED);
        tap(bob, base + "/join/" + code, 0);
        assertThat(alice.sidewaysOverflow()).isLessThanOrEqualTo(1);
        alice.screenshot("mystery-step-phone-voted");
        waiting(chromium, 10).until(driver -> "2".equals(driver.findElement(By.cssSelector("[data-answered]")).getText()));
        new Actions(chromium.driver()).sendKeys("l").perform();
        waiting(chromium, 10).until(driver -> "locked".equals(driver.findElement(By.cssSelector("[data-poll-state]"))
                .getDomAttribute("data-poll-state")));
        new Actions(chromium.driver()).sendKeys("r").perform();

        WebElement reveal = waiting(chromium, 20).until(driver -> driver.findElement(By.cssSelector(".deck-reveal")));
        assertThat(reveal.findElement(By.tagName("h2")).getText()).containsIgnoringCase(title);
        assertThat(reveal.getText()).contains("Caught by: Every end-of-text token of an answer is a counted target.");
        assertThat(chromium.driver().findElement(By.cssSelector(".histogram tr.right-answer")).getText())
                .contains(title).endsWith("1");
        List<WebElement> rows = reveal.findElements(By.cssSelector(".deck-proof"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).startsWith("Instruction objective, from base");
        assertThat(rows.get(1).getText()).startsWith("Instruction objective, from base, with a hidden bug");
        assertThat(endOfText(rows.get(0)).getDomAttribute("class")).as("the correct lane's end-of-text")
                .contains("counted");
        assertThat(endOfText(rows.get(1)).getDomAttribute("class")).as("the bug's end-of-text")
                .doesNotContain("counted");
        assertThat(overflow()).as("the votes, the bug and its batch rows fit the projector").isLessThanOrEqualTo(0);
        chromium.screenshot("mystery-step-reveal");
        waiting(bob, 10).until(driver -> !driver.findElements(By.cssSelector(".histogram")).isEmpty());
        bob.screenshot("mystery-step-phone-revealed");
    }

    private static WebElement endOfText(WebElement row) {
        return row.findElements(By.cssSelector(".deck-chip")).stream()
                .filter(chip -> chip.getText().startsWith("<|endoftext|>")).findFirst().orElseThrow();
    }
}
