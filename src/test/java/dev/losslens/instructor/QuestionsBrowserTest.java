package dev.losslens.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.browser.BrowserTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An instructor writes a question with the keyboard alone, previews it as learners will see it (a script typed
 * into it stays text), saves it, tries an answer that is checked in place, imports GIFT after checking it, and
 * learners find the questions on the quiz page; every page fits a phone and a projector. Shares the lecture tests'
 * database, and so their context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:lecture;DB_CLOSE_DELAY=-1")
class QuestionsBrowserTest extends BrowserTest {

    private static final String HOSTILE = "<img src=x onerror=window.__pwned=1>";
    private static final List<int[]> SIZES = List.of(new int[] {390, 844}, new int[] {1920, 1080});

    private static WebElement find(String css) {
        return chromium.driver().findElement(By.cssSelector(css));
    }

    /** Focuses a control and types, as a keyboard user does after tabbing to it. */
    private static void type(String css, CharSequence... keys) {
        chromium.script("arguments[0].focus();", find(css));
        new Actions(chromium.driver()).sendKeys(keys).perform();
    }

    private void open(String path) {
        chromium.driver().get("http://localhost:" + port + path);
        chromium.waitUpTo(Duration.ofSeconds(20))
                .until(driver -> "complete".equals(chromium.script("return document.readyState;")));
    }

    /** Presses a button with Enter and waits for the next page. */
    private static void press(String css) {
        WebElement button = find(css);
        type(css, Keys.ENTER);
        chromium.waitUpTo(Duration.ofSeconds(20)).until(driver -> {
            try {
                button.isDisplayed();
                return false;
            } catch (WebDriverException gone) {
                // stale, or a node of the page that has just been left
                return true;
            }
        });
    }

    private static void fits(String where) {
        for (int[] size : SIZES) {
            chromium.viewport(size[0], size[1]);
            assertThat(chromium.sidewaysOverflow()).as(where + " at " + size[0]).isZero();
            chromium.screenshot("questions-" + where + "-" + size[0]);
        }
        chromium.viewport(1920, 1080);
    }

    @Test
    void anInstructorWritesPreviewsTriesAndImportsQuestionsThatLearnersThenFind() {
        signInAsAdministrator();
        chromium.driver().findElement(By.linkText("Questions: write, import and export quiz questions")).click();
        chromium.waitUpTo(Duration.ofSeconds(20)).until(driver -> driver.getCurrentUrl().endsWith("/instructor/questions"));
        fits("list");

        // a form with faults says each beside its control, and the summary links to them
        open("/instructor/questions/new?kind=numeric");
        type("#q-answer", "NaN");
        press("button[value=save]");
        assertThat(find(".error-summary").getText()).contains("Question text must not be empty",
                "Right answer must be a finite number");
        assertThat(find("#q-answer").getDomAttribute("aria-describedby")).contains("q-answer-error");
        assertThat(chromium.accessibilityFaults()).isEmpty();
        fits("editor-errors");

        open("/instructor/questions/new?kind=choice");
        type("#q-text", "Which tokens carry loss under instruction fine-tuning? " + HOSTILE);
        type("#q-option-0-text", "The response and end-of-text");
        type("#q-option-0-correct", Keys.SPACE);
        type("#q-option-0-feedback", "Right: the prompt is read, not scored.");
        type("#q-option-1-text", "Every token after the first");
        type("#q-option-1-feedback", "That is pre-training.");
        type("#q-feedback", "Instruction fine-tuning scores the response given the prompt.");
        press("button[value=preview]");
        WebElement preview = find("#preview");
        assertThat(preview.getText()).contains("Which tokens carry loss under instruction fine-tuning? " + HOSTILE,
                "The response and end-of-text", "Every token after the first");
        assertThat(preview.findElements(By.cssSelector("input[type=radio][name=choice]"))).hasSize(2);
        assertThat((Object) chromium.script("return window.__pwned;")).as("typed HTML stays text").isNull();
        assertThat(chromium.accessibilityFaults()).isEmpty();
        fits("editor-preview");

        press("button[value=save]");
        assertThat(find("[role=status]").getText()).contains("Saved");
        fits("question");
        // the try is checked in place, as the quiz checks a learner's answer
        List<WebElement> options = chromium.driver().findElements(By.cssSelector(".quiz-item input[name=choice]"));
        int right = 0;
        for (int i = 0; i < options.size(); i++) {
            if (chromium.driver().findElement(By.cssSelector("label[for=choice-" + i + "]")).getText()
                    .startsWith("The response")) {
                right = i;
            }
        }
        String url = chromium.driver().getCurrentUrl();
        type("#choice-" + right, Keys.SPACE);
        type(".quiz-item button[type=submit]", Keys.ENTER);
        chromium.waitUpTo(Duration.ofSeconds(10)).until(driver -> !driver.findElements(By.id("feedback")).isEmpty());
        assertThat(find("#feedback").getText()).contains("✓", "Right: the prompt is read, not scored.",
                "Instruction fine-tuning scores the response given the prompt.");
        assertThat(chromium.driver().getCurrentUrl()).as("checked in place").isEqualTo(url);
        assertThat((Object) chromium.script("return window.__pwned;")).isNull();

        open("/instructor/questions/import");
        assertThat(find("[data-gift-file]").isDisplayed()).as("a file can be read into the box").isTrue();
        // too large for one request: stopped with the reason before anything is sent
        chromium.script("arguments[0].value = arguments[1];", find("#gift"), "Ünïcödé? {T}\n\n".repeat(3000));
        type("button[value=check]", Keys.ENTER);
        assertThat(find("[data-gift-error]").getText()).contains("one request may send at most 65536");
        assertThat(chromium.driver().getCurrentUrl()).endsWith("/instructor/questions/import");
        chromium.script("arguments[0].value = arguments[1];", find("#gift"), """
                ::ln 2::What is −ln 0.5, to two decimals? {#0.69:0.005####−log 0.5 = ln 2.}

                ::Mask::The prompt is a target under instruction fine-tuning. {F}
                """);
        press("button[value=check]");
        assertThat(find(".import-preview").getText()).contains("What would be imported: 2 questions", "Line 1",
                "Answer: 0.69 ± 0.005", "The statement is false.");
        fits("import-preview");
        press("button[value=import]");
        assertThat(find("[role=status]").getText()).contains("2 questions imported");
        assertThat(chromium.driver().findElements(By.cssSelector(".question-row"))).hasSizeGreaterThanOrEqualTo(3);
        fits("list-filled");
        // deleting asks first: the confirmation opens from its summary with the keyboard
        int listed = chromium.driver().findElements(By.cssSelector(".question-row")).size();
        type(".question-row:last-child details summary", Keys.ENTER);
        assertThat(find(".question-row:last-child details button").isDisplayed()).isTrue();
        press(".question-row:last-child details button");
        assertThat(find("[role=status]").getText()).contains("is deleted");
        assertThat(chromium.driver().findElements(By.cssSelector(".question-row"))).hasSize(listed - 1);

        open("/quiz");
        assertThat(find(".concept-instructors").getText()).contains("From your instructors");
        find(".concept-instructors a.button").click();
        chromium.waitUpTo(Duration.ofSeconds(20)).until(driver -> driver.getCurrentUrl().contains("/quiz/run"));
        assertThat(find(".quiz-progress").getText()).contains("From your instructors");
        fits("quiz-run");
    }
}
