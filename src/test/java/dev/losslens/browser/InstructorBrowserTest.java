package dev.losslens.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An instructor's day in a real browser: the administrator adds them; they sign in, upload a small dataset, write a
 * question, run a class session a student answers from another browser profile, and read its results. The student,
 * never signed in, finds the dataset in the explorer and the question in the quiz, and reaches none of the
 * instructor's pages. Shares the lecture tests' database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:lecture;DB_CLOSE_DELAY=-1")
class InstructorBrowserTest extends BrowserTest {

    /** The deck's true/false step: a poll whose right answer the bank knows. */
    private static final int TRUE_FALSE_STEP = 7;

    private WebDriverWait waiting(HeadlessChromium browser) {
        WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(20));
        // the deck reloads itself when the session moves on: an element read mid-reload is gone, so read again
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    private void signIn(String name, String password) {
        chromium.driver().get(base() + "/login");
        chromium.driver().findElement(By.id("username")).sendKeys(name);
        chromium.driver().findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        waiting(chromium).until(driver -> driver.getCurrentUrl().endsWith("/instructor"));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void anInstructorPreparesAndRunsAClassAndReadsItsResultsWhileAStudentReachesNoneOfIt() throws Exception {
        signInAsAdministrator();
        chromium.driver().get(base() + "/admin");
        chromium.driver().findElement(By.id("username")).sendKeys("dana");
        chromium.driver().findElement(By.id("new-password")).sendKeys("dana's long password", Keys.ENTER);
        waiting(chromium).until(driver -> driver.getCurrentUrl().contains("added=dana"));
        chromium.driver().get(base() + "/instructor");
        chromium.driver().findElement(By.cssSelector("form[action='/logout'] button")).click();
        waiting(chromium).until(driver -> driver.getCurrentUrl().endsWith("/login?signedOut"));
        signIn("dana", "dana's long password");
        assertThat(chromium.driver().findElement(By.tagName("main")).getText()).contains("Signed in as dana");
        String dataset = uploadDataset("Dana's sums");
        chromium.driver().get(base() + "/instructor/questions/new?kind=numeric");
        chromium.driver().findElement(By.id("q-text")).sendKeys("How many prompt tokens carry loss when λ = 0?");
        chromium.driver().findElement(By.id("q-answer")).sendKeys("0");
        chromium.driver().findElement(By.cssSelector("button[value=save]")).click();
        waiting(chromium).until(driver -> driver.findElement(By.tagName("main")).getText()
                .contains("How many prompt tokens carry loss when λ = 0?"));

        chromium.driver().get(base() + "/lecture");
        chromium.driver().findElement(By.cssSelector("form[action='/lecture'] button")).click();
        waiting(chromium).until(driver -> driver.getCurrentUrl().matches(".*/lecture/[A-Z0-9]{5}$"));
        String code = chromium.driver().findElement(By.tagName("body")).getDomAttribute("data-code");
        chromium.driver().findElement(By.tagName("body")).sendKeys(String.valueOf(TRUE_FALSE_STEP + 1));
        waiting(chromium).until(driver -> String.valueOf(TRUE_FALSE_STEP).equals(
                driver.findElement(By.tagName("body")).getDomAttribute("data-step")));

        HeadlessChromium student = HeadlessChromium.start(390, 844);
        try {
            student.driver().get(base() + "/join/" + code);
            WebElement falseOption = waiting(student).until(driver -> driver.findElement(
                    By.cssSelector("button[name=choice][value='1']")));
            falseOption.click();
            waiting(student).until(driver -> "true".equals(driver.findElement(
                    By.cssSelector("button[name=choice][value='1']")).getDomAttribute("aria-pressed")));

            student.driver().get(base() + "/explore");
            assertThat(student.driver().findElement(By.id("dataset")).getText()).contains("Dana's sums");
            student.driver().get(base() + "/explore?dataset=" + dataset);
            assertThat(student.driver().findElement(By.tagName("main")).getText()).contains("What is 1 + 1?");
            student.driver().get(base() + "/quiz");
            assertThat(student.driver().findElement(By.tagName("main")).getText()).contains("From your instructors");
            for (String page : List.of("/instructor", "/instructor/datasets", "/instructor/questions",
                    "/instructor/results", "/instructor/results/" + code, "/admin")) {
                student.driver().get(base() + page);
                assertThat(student.driver().getCurrentUrl()).as(page).endsWith("/login");
                assertThat(student.driver().findElement(By.tagName("main")).getText()).doesNotContain(code);
            }
        } finally {
            student.close();
        }

        chromium.driver().get(base() + "/instructor/results");
        chromium.driver().findElement(By.linkText(code)).click();
        waiting(chromium).until(driver -> driver.getCurrentUrl().endsWith("/instructor/results/" + code));
        String results = chromium.driver().findElement(By.tagName("main")).getText();
        assertThat(results).contains("1 answer ·", "100 % chose the right answer");
        chromium.screenshot("instructor-session-results");
    }
}
