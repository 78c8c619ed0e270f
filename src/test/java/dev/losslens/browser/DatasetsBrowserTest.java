package dev.losslens.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The instructors' datasets page in a real browser, on a phone and a projector: a file over the size bound is caught
 * before it is sent; a bad file comes back with every bad line listed beside the form, a good one checked shows its
 * preview; deleting is a confirmation opened and pressed with the keyboard. Shares the lecture tests' database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:lecture;DB_CLOSE_DELAY=-1")
class DatasetsBrowserTest extends BrowserTest {

    private static final List<int[]> SIZES = List.of(new int[] {1920, 1080}, new int[] {390, 844});

    private String base() {
        return "http://localhost:" + port;
    }

    private void choose(String field, Path file) {
        chromium.driver().findElement(By.id(field)).sendKeys(file.toString());
    }

    private String main() {
        return chromium.driver().findElement(By.tagName("main")).getText();
    }

    @Test
    void badLinesAreListedAGoodFileIsPreviewedAndDeletingIsConfirmedWithTheKeyboard() throws Exception {
        signInAsAdministrator();
        Path bad = Files.createTempFile("bad", ".jsonl");
        Path good = Files.createTempFile("good", ".jsonl");
        Path huge = Files.createTempFile("huge", ".jsonl");
        try {
            Files.writeString(bad, "{\"prompt\": \"fine\", \"response\": \"yes\"}\nnot json\n"
                    + "{\"prompt\": \"<script>alert(1)</script>\"}\n");
            Files.writeString(good, "{\"prompt\": \"Name a <b>bold</b> colour\", \"response\": \"red\"}\n"
                    + "{\"prompt\": \"Name a sea\", \"response\": \"the Baltic\"}\n"
                    + "{\"prompt\": \"Name a river\", \"response\": \"the Nile\"}\n");
            try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
                sparse.setLength(3L * 1024 * 1024);
            }

            // over the bound: said at once, and the form is not sent
            chromium.driver().get(base() + "/instructor/datasets");
            chromium.driver().findElement(By.id("title")).sendKeys("Too big");
            choose("train", huge);
            assertThat(chromium.driver().findElement(By.id("train-error")).getText())
                    .contains("is larger than 2 MB, so it would be refused");
            chromium.driver().findElement(By.cssSelector("#upload-form button[value='upload']")).click();
            assertThat(chromium.driver().getCurrentUrl()).endsWith("/instructor/datasets");
            assertThat(chromium.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("train");

            for (int[] size : SIZES) {
                chromium.viewport(size[0], size[1]);
                String where = size[0] + "×" + size[1];
                chromium.driver().get(base() + "/instructor/datasets");
                chromium.driver().findElement(By.id("title")).sendKeys("Broken " + size[0]);
                choose("train", bad);
                chromium.driver().findElement(By.cssSelector("#upload-form button[value='upload']")).click();
                chromium.waitUpTo(Duration.ofSeconds(20)).until(driver -> driver.findElements(By.cssSelector(
                        ".problems")).size() == 1);
                assertThat(main()).as(where).contains("Nothing was stored", "Training file, line 2",
                        "not valid JSON (at character 1)", "Training file, line 3", "has no \"response\"");
                assertThat(chromium.sidewaysOverflow()).as(where).isZero();
                assertThat(chromium.accessibilityFaults()).as(where).isEmpty();
                chromium.screenshot("datasets-bad-lines-" + size[0]);
                // the summary's link takes the keyboard to the file control
                chromium.driver().findElement(By.cssSelector(".error-summary a[href='#train']")).sendKeys(Keys.ENTER);
                assertThat(chromium.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("train");

                chromium.driver().findElement(By.id("title")).clear();
                chromium.driver().findElement(By.id("title")).sendKeys("Checked " + size[0]);
                choose("train", good);
                chromium.driver().findElement(By.cssSelector("#upload-form button[value='check']")).click();
                chromium.waitUpTo(Duration.ofSeconds(20)).until(driver -> driver.findElements(By.cssSelector(
                        ".preview-pairs")).size() == 1);
                assertThat(main()).as(where).contains("The files are fine", "Name a <b>bold</b> colour");
                assertThat(chromium.sidewaysOverflow()).as(where).isZero();
                assertThat(chromium.accessibilityFaults()).as(where).isEmpty();
                chromium.screenshot("datasets-checked-" + size[0]);
            }

            chromium.viewport(390, 844);
            String dataset = uploadDataset("Keyboard deletes");
            chromium.driver().get(base() + "/instructor/datasets/" + dataset);
            chromium.screenshot("dataset-390");
            WebElement summary = chromium.driver().findElement(By.cssSelector("details.confirm summary"));
            summary.sendKeys(Keys.ENTER);
            assertThat(chromium.driver().findElement(By.cssSelector("details.confirm")).getDomAttribute("open"))
                    .isNotNull();
            new Actions(chromium.driver()).sendKeys(Keys.TAB).perform();
            WebElement focused = chromium.driver().switchTo().activeElement();
            assertThat(focused.getText()).isEqualTo("Delete dataset");
            focused.sendKeys(Keys.ENTER);
            chromium.waitUpTo(Duration.ofSeconds(20)).until(driver -> driver.getCurrentUrl().contains("deleted="));
            assertThat(main()).contains("Deleted " + dataset);
        } finally {
            Files.delete(bad);
            Files.delete(good);
            Files.delete(huge);
        }
    }
}
