package dev.losslens.lecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.browser.BrowserTest;
import dev.losslens.browser.HeadlessChromium;
import java.time.Duration;
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
 * A lecturer drives the deck from the keyboard on a projector while two students answer on their phones, each in
 * their own browser profile; a third joins after the lock and cannot vote. The lecture tests' own database, so the
 * presets the deck races are trained for lectures (another context of these tests may have trained them already).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:lecture;DB_CLOSE_DELAY=-1")
class LectureBrowserTest extends BrowserTest {

    private static final List<HeadlessChromium> students = new java.util.ArrayList<>();

    @AfterAll
    static void closeStudents() {
        students.forEach(HeadlessChromium::close);
    }

    private static HeadlessChromium student() {
        HeadlessChromium phone = HeadlessChromium.start(390, 844);
        students.add(phone);
        return phone;
    }

    private static void key(CharSequence key) {
        new Actions(chromium.driver()).sendKeys(key).perform();
    }

    private static WebDriverWait waiting(HeadlessChromium browser, int seconds) {
        WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(seconds));
        // the deck reloads itself when the session moves on: an element read mid-reload is gone, so read again
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    /** Presses a key on the projected deck and waits until the deck shows the given step (0-based). */
    private static void keyTo(CharSequence key, int step) {
        key(key);
        waiting(chromium, 10).until(driver -> String.valueOf(step).equals(
                driver.findElement(By.tagName("body")).getDomAttribute("data-step")));
    }

    private static String pollState(HeadlessChromium browser) {
        return browser.driver().findElement(By.cssSelector("[data-poll-state]")).getDomAttribute("data-poll-state");
    }

    private static void joinAndTap(HeadlessChromium phone, String url, int option) {
        phone.driver().get(url);
        WebElement button = waiting(phone, 10).until(driver -> driver.findElement(
                By.cssSelector("button[name=choice][value='" + option + "']")));
        button.click();
        waiting(phone, 10).until(driver -> "true".equals(driver.findElement(
                By.cssSelector("button[name=choice][value='" + option + "']")).getDomAttribute("aria-pressed")));
    }

    @Test
    void aLecturerRunsTheDeckFromTheKeyboardWhileTwoStudentsAnswerOnTheirPhones() {
        String base = "http://localhost:" + port;
        chromium.driver().get(base + "/lecture");
        chromium.driver().findElement(By.cssSelector("form[action='/lecture'] button")).sendKeys(Keys.ENTER);
        waiting(chromium, 20).until(driver -> driver.getCurrentUrl().matches(".*/lecture/[A-Z0-9]{5}$"));
        String code = chromium.driver().findElement(By.tagName("body")).getDomAttribute("data-code");
        assertThat(code).matches("[" + JoinCode.ALPHABET + "]{5}");
        assertThat(chromium.driver().findElement(By.cssSelector(".join-line")).getText()).contains(code);
        assertThat(Double.parseDouble(((String) chromium.script(
                "return getComputedStyle(document.querySelector('.deck-line')).fontSize;")).replace("px", "")))
                .as("body text on a 1920×1080 projector").isGreaterThanOrEqualTo(32);
        chromium.screenshot("lecture-1-formulas");

        key("?");
        assertThat(chromium.driver().findElement(By.cssSelector("[data-help]")).isDisplayed()).isTrue();
        key(Keys.ESCAPE);
        assertThat(chromium.driver().findElement(By.cssSelector("[data-help]")).isDisplayed()).isFalse();

        keyTo(Keys.ARROW_RIGHT, 1);
        waiting(chromium, 20).until(driver -> !driver.findElements(By.cssSelector(".deck-chip")).isEmpty());
        assertThat(chromium.driver().findElements(By.cssSelector(".deck-chip.counted")))
                .as("pre-training: every token after the first is a target")
                .hasSize(chromium.driver().findElements(By.cssSelector(".deck-chip")).size() - 1);
        chromium.screenshot("lecture-2-all-targets");
        keyTo(" ", 2);
        waiting(chromium, 20).until(driver -> !driver.findElements(By.cssSelector(".deck-chip")).isEmpty());
        assertThat(chromium.driver().findElements(By.cssSelector(".deck-chip[data-role=prompt].counted")))
                .as("instruction fine-tuning: no prompt token is a target").isEmpty();
        chromium.screenshot("lecture-3-masked");
        keyTo(Keys.ARROW_RIGHT, 3);
        waiting(chromium, 20).until(driver -> !driver.findElements(By.cssSelector(".deck-shift tr.boundary")).isEmpty());
        chromium.screenshot("lecture-4-shift");
        keyTo("5", 4);
        assertThat(pollState(chromium)).isEqualTo("open");

        HeadlessChromium alice = student();
        alice.driver().get(base + "/join");
        alice.driver().findElement(By.id("code")).sendKeys(code.toLowerCase() + Keys.ENTER);
        waiting(alice, 10).until(driver -> driver.getCurrentUrl().endsWith("/join/" + code));
        joinAndTap(alice, alice.driver().getCurrentUrl(), 0);
        joinAndTap(alice, alice.driver().getCurrentUrl(), 1);
        alice.screenshot("lecture-phone-answered");
        assertThat(alice.sidewaysOverflow()).isLessThanOrEqualTo(1);
        HeadlessChromium bob = student();
        joinAndTap(bob, base + "/join/" + code, 0);

        waiting(chromium, 10).until(driver -> "2".equals(driver.findElement(By.cssSelector("[data-answered]")).getText()));
        assertThat(chromium.driver().findElements(By.cssSelector(".histogram"))).as("hidden until reveal").isEmpty();
        chromium.screenshot("lecture-5-poll");
        key("l");
        waiting(chromium, 10).until(driver -> "locked".equals(pollState(chromium)));
        waiting(alice, 10).until(driver -> "locked".equals(pollState(alice)));

        HeadlessChromium carol = student();
        carol.driver().get(base + "/join/" + code);
        assertThat(carol.driver().findElement(By.cssSelector(".join-poll")).getText()).contains("The poll is locked");
        assertThat(carol.driver().findElements(By.cssSelector("button[name=choice]")))
                .isNotEmpty().noneMatch(WebElement::isEnabled);
        Object status = carol.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/classes/%s/votes', {method: 'POST', headers: {'Content-Type': 'application/json'},
                  body: JSON.stringify({question: 'predict-lowest-response', choice: 0})}).then(r => done(r.status));"""
                .formatted(code));
        assertThat(status).as("a vote after the lock").isEqualTo(409L);

        keyTo(Keys.ARROW_RIGHT, 5);
        waiting(chromium, 120).until(driver -> driver.findElement(By.cssSelector("[data-chart=responseNll]"))
                .getDomAttribute("data-points") != null
                && !driver.findElement(By.cssSelector("[data-chart=responseNll]")).getDomAttribute("data-points")
                .startsWith("0"));
        key("p");
        assertThat(chromium.driver().findElement(By.cssSelector("[data-race-status]")).getText()).startsWith("Paused");
        key("p");
        chromium.screenshot("lecture-6-race");

        keyTo(Keys.ARROW_RIGHT, 6);
        key("r");
        waiting(chromium, 120).until(driver -> !driver.findElements(By.cssSelector(".histogram tr.right-answer")).isEmpty());
        List<WebElement> counts = chromium.driver().findElements(By.cssSelector(".histogram td.num"));
        assertThat(counts.stream().mapToInt(cell -> Integer.parseInt(cell.getText())).sum()).isEqualTo(2);
        assertThat(counts.stream().map(WebElement::getText)).containsExactlyInAnyOrder("1", "1");
        chromium.screenshot("lecture-7-reveal");
        waiting(bob, 10).until(driver -> !driver.findElements(By.cssSelector(".histogram")).isEmpty());
        bob.screenshot("lecture-phone-revealed");

        key("b");
        waiting(chromium, 10).until(driver -> driver.findElement(By.cssSelector("[data-blank-screen]")).isDisplayed());
        key("b");
        waiting(chromium, 10).until(driver -> !driver.findElement(By.cssSelector("[data-blank-screen]")).isDisplayed());
        for (int step = 7; step < 12; step++) {
            keyTo(Keys.ARROW_RIGHT, step);
            if (step == 9) {
                assertThat(chromium.driver().findElements(By.cssSelector("[data-race] [data-chart]")))
                        .as("scratch vs base draws response NLL and drift").hasSize(2);
            }
            chromium.screenshot("lecture-" + (step + 1) + "-" + chromium.driver().findElement(By.tagName("main"))
                    .getDomAttribute("data-kind"));
        }
        keyTo("1", 0);

        chromium.driver().get(base + "/lecture/" + code + "/presenter");
        assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).startsWith("1 / 12");
        assertThat(chromium.driver().findElement(By.cssSelector(".next-step")).getText()).startsWith("Next: ");
        chromium.screenshot("lecture-presenter-projector");
        chromium.driver().findElement(By.cssSelector(".remote form:nth-of-type(2) button")).click();
        waiting(chromium, 10).until(driver -> driver.findElement(By.tagName("h1")).getText().startsWith("2 / 12"));
        chromium.viewport(390, 844);
        assertThat(chromium.sidewaysOverflow()).as("the presenter view as a phone remote").isLessThanOrEqualTo(1);
        chromium.screenshot("lecture-presenter-phone");
        carol.driver().get(base + "/join");
        carol.screenshot("lecture-phone-join");
    }
}
