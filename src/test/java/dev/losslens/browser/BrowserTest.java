package dev.losslens.browser;

import dev.losslens.quiz.authored.AuthoredQuestion;
import dev.losslens.quiz.authored.AuthoredQuestions;
import dev.losslens.quiz.authored.Question;
import dev.losslens.quiz.authored.QuestionOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A test class that drives the app on a random port with one headless Chromium, started at projector size. */
public abstract class BrowserTest {

    protected static HeadlessChromium chromium;

    protected static final String ADMINISTRATOR = "browser-admin";
    private static final String ADMINISTRATOR_PASSWORD = "a-password-only-tests-use";

    @LocalServerPort
    protected int port;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PasswordEncoder encoder;

    @Autowired
    private AuthoredQuestions questions;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start(1920, 1080);
    }

    /**
     * Adds an administrator with a known password and signs this browser in through the form, as a person does; the
     * browser stays signed in until the test class ends.
     */
    protected void signInAsAdministrator() {
        jdbc.sql("delete from account where username = ?").param(ADMINISTRATOR).update();
        jdbc.sql("insert into account (username, password_hash, role, created_at) values (?, ?, 'administrator', ?)")
                .params(ADMINISTRATOR, encoder.encode(ADMINISTRATOR_PASSWORD), Timestamp.from(Instant.now())).update();
        chromium.driver().get("http://localhost:" + port + "/login");
        chromium.driver().findElement(By.id("username")).sendKeys(ADMINISTRATOR);
        chromium.driver().findElement(By.id("password")).sendKeys(ADMINISTRATOR_PASSWORD, Keys.ENTER);
        chromium.waitUpTo(Duration.ofSeconds(20)).until(driver -> driver.getCurrentUrl().endsWith("/instructor"));
    }

    /**
     * Adds a question of every kind an instructor writes, as the signed-in administrator's, and answers the pages
     * that show them: the list, the editor of each kind, a choice and a mark-the-targets question's page, an edit,
     * the import and a learner's sitting of them.
     */
    protected List<String> instructorQuestionPages() {
        List<Question> kinds = List.of(
                new Question("choice", "Which tokens", "Which tokens carry loss under instruction fine-tuning?",
                        List.of(new QuestionOption("The response and end-of-text", true, "Right."),
                                new QuestionOption("Every token after the first", false, "That is pre-training.")),
                        null, null, null, null, null, null, null, null, null, "The prompt is read, never scored."),
                new Question("mark-targets", null, null, null, null, null, null, "instruction", null,
                        "Capital of France?", "Paris", null, null, "Only the response side counts."),
                new Question("true-false", null, "The prompt is a target under instruction fine-tuning.", null, false,
                        null, null, null, null, null, null, "It is read, not scored.", "Right.", null),
                new Question("numeric", "ln 2", "What is ln 2, to two decimals?", null, null, 0.69, 0.005, null,
                        null, null, null, null, null, null));
        List<Long> ids = questions.add(ADMINISTRATOR, kinds, Integer.MAX_VALUE).stream()
                .map(AuthoredQuestion::id).toList();
        return List.of("/instructor/questions", "/instructor/questions/new?kind=choice",
                "/instructor/questions/new?kind=mark-targets", "/instructor/questions/" + ids.get(0),
                "/instructor/questions/" + ids.get(1), "/instructor/questions/" + ids.get(2) + "/edit",
                "/instructor/questions/import", "/quiz/run?set=instructors." + ids.get(0) + ",instructors."
                        + ids.get(1) + "&at=1");
    }

    /**
     * Uploads a small dataset through the instructors' page as a person does, choosing the file in the form (signed
     * in first); answers the id it was given. A dataset's id is taken for good, so each caller brings its own title.
     */
    protected String uploadDataset(String title) throws IOException {
        Path file = Files.createTempFile("losslens-pairs", ".jsonl");
        StringBuilder pairs = new StringBuilder("{\"prompt\": \"Is <b>this</b> bold?\", \"response\": \"No, it is text.\"}\n");
        for (int i = 0; i < 12; i++) {
            pairs.append("{\"prompt\": \"What is %d + %d?\", \"response\": \"%d\"}\n".formatted(i, i, 2 * i));
        }
        Files.writeString(file, pairs);
        try {
            chromium.driver().get("http://localhost:" + port + "/instructor/datasets");
            chromium.driver().findElement(By.id("title")).sendKeys(title);
            chromium.driver().findElement(By.id("train")).sendKeys(file.toString());
            chromium.driver().findElement(By.cssSelector("#upload-form button[value='upload']")).click();
            chromium.waitUpTo(Duration.ofSeconds(20)).until(driver -> driver.getCurrentUrl().endsWith("?uploaded"));
        } finally {
            Files.delete(file);
        }
        String url = chromium.driver().getCurrentUrl();
        return url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    }

    /**
     * The pages of the bug zoo: a mystery started from the lab as a person starts one (its bug picked at random), and
     * a diagnose item of the quiz.
     */
    protected List<String> bugZooPages() {
        chromium.driver().get("http://localhost:" + port + "/runs/new");
        chromium.driver().findElement(By.cssSelector(".preset-mystery button[type=submit]")).click();
        chromium.waitUpTo(Duration.ofSeconds(20)).until(driver -> driver.getCurrentUrl().matches(".*/mysteries/\\d+$"));
        String mystery = chromium.driver().getCurrentUrl();
        return List.of(mystery.substring(mystery.indexOf("/mysteries/")), "/quiz/run?set=zoo-lynx&at=0");
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }
}
