package dev.losslens.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.browser.BrowserTest;
import dev.losslens.quiz.bank.MarkTrainedItem;
import dev.losslens.quiz.bank.QuizBank;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A learner takes a 10-question check on a phone with the keyboard alone — choice, true-false, mark-the-targets,
 * mark a conversation's trained tokens and compute-the-loss items among them — sees the score on a projector, and
 * follows a mistake to the explorer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuizBrowserTest extends BrowserTest {

    private static final String HOSTILE = "<img src=x onerror=window.__pwned=1>";

    @Autowired
    QuizBank bank;

    private static List<WebElement> all(String css) {
        return chromium.driver().findElements(By.cssSelector(css));
    }

    /** Focuses an input and presses Space, as a keyboard user does after tabbing to it. */
    private static void press(WebElement input, CharSequence key) {
        chromium.script("arguments[0].focus();", input);
        new Actions(chromium.driver()).sendKeys(key).perform();
    }

    /** Presses "Check my answer" and waits for a new verdict or error in the status region. */
    private static void submit() {
        List<WebElement> before = all("#answer-status > *");
        WebElement button = chromium.driver().findElement(By.cssSelector(".quiz-item button[type=submit]"));
        press(button, Keys.ENTER);
        WebDriverWait wait = chromium.waitUpTo(Duration.ofSeconds(10));
        before.forEach(shown -> wait.until(ExpectedConditions.stalenessOf(shown)));
        wait.until(driver -> !driver.findElements(By.cssSelector("#feedback, .error-summary")).isEmpty());
    }

    /**
     * The tokens a conversation item on screen trains, as a learner who knows the named stack's rule marks them; null
     * when the chips are a prompt/response pair.
     */
    private List<Integer> conversationKey() {
        String[] set = chromium.driver().findElement(By.name("set")).getDomAttribute("value").split(",");
        int at = Integer.parseInt(chromium.driver().findElement(By.name("at")).getDomAttribute("value"));
        return bank.item(set[at]).filter(MarkTrainedItem.class::isInstance)
                .map(item -> ((MarkTrainedItem) item).trained()).orElse(null);
    }

    /** Answers the question on screen; every first choice or reason is taken, so some answers are wrong. */
    private String answer(int question) {
        String text = chromium.driver().findElement(By.cssSelector(".question")).getText();
        if (!all("input[name=value]").isEmpty()) {
            if (question == 0) {
                WebElement value = chromium.driver().findElement(By.id("value"));
                press(value, HOSTILE);
                submit();
                assertThat(chromium.driver().findElement(By.cssSelector(".error-summary")).getText())
                        .contains("value must be a number");
                assertThat((Object) chromium.script("return window.__pwned;")).isNull();
                chromium.driver().findElement(By.id("value")).clear();
            }
            press(chromium.driver().findElement(By.id("value")), format(computed(text)));
            submit();
            return "compute-loss";
        }
        if (!all(".quiz-chips button").isEmpty()) {
            assertThat(all(".quiz-chips label")).as("the labels give way to buttons").allMatch(l -> !l.isDisplayed());
            List<Integer> trained = conversationKey();
            for (WebElement chip : all(".quiz-chips button")) {
                String role = chip.getDomAttribute("data-role");
                int position = Integer.parseInt(chip.getDomAttribute("data-position"));
                boolean target = trained != null ? trained.contains(position)
                        : text.contains("instruction") ? role.equals("response") : position > 0;
                assertThat(chip.getDomAttribute("aria-pressed")).isEqualTo("false");
                if (target) {
                    press(chip, Keys.SPACE);
                    assertThat(chip.getDomAttribute("aria-pressed")).isEqualTo("true");
                }
            }
            submit();
            return trained != null ? "mark-trained" : "mark-targets";
        }
        if (!all("input[name=truth]").isEmpty()) {
            press(chromium.driver().findElement(By.id("truth-false")), Keys.SPACE);
            press(chromium.driver().findElement(By.id("reason-0")), Keys.SPACE);
            submit();
            return "true-false";
        }
        press(chromium.driver().findElement(By.id("choice-0")), Keys.SPACE);
        boolean maskBug = !all("input[name=reason]").isEmpty();
        if (maskBug) {
            press(chromium.driver().findElement(By.id("reason-0")), Keys.SPACE);
        }
        submit();
        return maskBug ? "mask-bug" : "choice";
    }

    /** The learner's own arithmetic on the table shown: which rows count, and the sum or the mean. */
    private static double computed(String task) {
        double lambda = task.contains("λ = ") ? Double.parseDouble(task.replaceAll(".*λ = ([0-9.]+).*", "$1")) : 0;
        double sum = 0;
        double weights = 0;
        for (WebElement row : all(".loss-table tbody tr")) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            if (cells.get(2).getText().startsWith("—")) {
                continue;
            }
            double nll = Double.parseDouble(cells.get(2).getText());
            boolean prompt = cells.get(1).getText().equals("prompt");
            double weight = task.contains("instruction") ? (prompt ? 0 : 1)
                    : task.contains("λ-weighted") ? (prompt ? lambda : 1) : 1;
            sum += weight * nll;
            weights += weight;
        }
        return task.contains("mean") ? sum / weights : sum;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    @Test
    void aLearnerTakesACheckWithTheKeyboardSeesTheScoreAndFollowsAMistakeToTheExplorer() {
        chromium.viewport(390, 844);
        chromium.driver().get("http://localhost:%d/quiz".formatted(port));
        press(chromium.driver().findElement(By.linkText("Take a 10-question check")), Keys.ENTER);

        List<String> kinds = new java.util.ArrayList<>();
        for (int question = 0; question < 10; question++) {
            chromium.waitUpTo(Duration.ofSeconds(10)).until(driver ->
                    driver.findElement(By.cssSelector(".quiz-progress")).getText()
                            .startsWith("Question " + (kinds.size() + 1) + " of 10"));
            assertThat(chromium.sidewaysOverflow()).as("question %d on a phone", question + 1).isLessThanOrEqualTo(1);
            chromium.script("window.__samePage = 1;");
            kinds.add(answer(question));
            WebElement feedback = chromium.driver().findElement(By.cssSelector("#answer-status #feedback"));
            assertThat(chromium.driver().findElement(By.id("answer-status")).getDomAttribute("role"))
                    .as("the verdict is announced politely").isEqualTo("status");
            assertThat((Object) chromium.script("return window.__samePage;")).as("checked in place").isEqualTo(1L);
            assertThat((Object) chromium.script("return document.activeElement.matches('#feedback .button-primary');"))
                    .as("the focus moves to the way on").isEqualTo(true);
            if (List.of("compute-loss", "mark-targets", "mark-trained").contains(kinds.get(kinds.size() - 1))) {
                assertThat(feedback.getText()).as("the learner's own computation or mask is graded right")
                        .startsWith("✓ Right");
            }
            assertThat(chromium.sidewaysOverflow()).as("feedback %d on a phone", question + 1).isLessThanOrEqualTo(1);
            if (question == 0) {
                chromium.screenshot("quiz-phone-feedback");
            }
            press(chromium.driver().findElement(By.cssSelector("#feedback .button-primary")), Keys.ENTER);
        }
        assertThat(kinds).contains("choice", "true-false", "mark-targets", "mark-trained", "compute-loss");

        chromium.viewport(1920, 1080);
        chromium.waitUpTo(Duration.ofSeconds(10))
                .until(driver -> driver.getCurrentUrl().contains("/quiz/score"));
        String score = chromium.driver().findElement(By.cssSelector(".score")).getText();
        assertThat(score).matches("\\d+ of 10 right");
        chromium.screenshot("quiz-score-projector");
        WebElement explore = chromium.driver().findElement(By.linkText("See it in the explorer"));
        press(explore, Keys.ENTER);
        chromium.waitUpTo(Duration.ofSeconds(10))
                .until(driver -> driver.getCurrentUrl().contains("/explore"));
        assertThat(all("[data-lane=pretraining] .tok")).isNotEmpty();
        assertThat((Object) chromium.script("return window.__pwned;")).isNull();
    }
}
