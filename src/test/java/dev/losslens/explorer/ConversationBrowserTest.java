package dev.losslens.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.browser.BrowserTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A learner walks a conversation through the mask Rosetta in a real browser, at a projector size and a phone size:
 * picks a template with a mistake, reads which stack setting trains nothing, then pastes a template of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConversationBrowserTest extends BrowserTest {

    private static final String HOSTILE = "<script>window.__pwned=1</script>{% for m in messages %}"
            + "{{ m['role'] }}: {% generation %}{{ m['content'] }}{{ eos_token }}{% endgeneration %}\n{% endfor %}";

    private void walk(int width, int height, String name) {
        chromium.viewport(width, height);
        chromium.driver().get("http://localhost:%d/explore/conversations".formatted(port));
        new Select(chromium.driver().findElement(By.id("template"))).selectByValue("chatml-no-generation");
        submit("form[method=get] button[type=submit]");

        WebElement assistantOnly = row("trl-assistant-only");
        assertThat(assistantOnly.findElements(By.cssSelector(".conv-tok[data-trained=true]"))).isEmpty();
        assertThat(assistantOnly.findElement(By.cssSelector(".lint")).getText()).contains("No answer token is trained.");
        List<String> axolotl = row("axolotl-eos-turn").findElements(By.cssSelector(".conv-tok[data-trained=true]"))
                .stream().map(WebElement::getText).toList();
        assertThat(axolotl).containsExactly("19", "<|im_end|>", "24", "<|im_end|>");
        assertThat(chromium.driver().findElements(By.cssSelector(".rosetta-row"))).hasSize(13);
        assertThat(chromium.driver().findElements(By.cssSelector(".conv-lane"))).hasSize(5);
        assertThat(chromium.sidewaysOverflow()).as("no sideways scrolling").isLessThanOrEqualTo(1);
        chromium.screenshot(name + "-rosetta");

        chromium.driver().findElement(By.id("templateSource")).sendKeys(HOSTILE);
        submit(".paste-form button[type=submit]");
        assertThat(chromium.driver().findElement(By.cssSelector(".rendered-text")).getDomProperty("textContent"))
                .startsWith("<script>window.__pwned=1</script>user: What is 12 plus 7?");
        assertThat(row("trl-assistant-only").findElement(By.cssSelector(".lint")).getText())
                .contains("Tokens outside the answers are trained");
        assertThat((Object) chromium.script("return window.__pwned;")).isNull();
        assertThat(chromium.driver().findElement(By.id("templateSource")).getDomProperty("value")).isEqualTo(HOSTILE);
        chromium.screenshot(name + "-pasted");

        chromium.driver().findElement(By.id("templateSource")).clear();
        chromium.driver().findElement(By.id("templateSource")).sendKeys("{% include 'secrets' %}");
        submit(".paste-form button[type=submit]");
        assertThat(chromium.driver().findElement(By.cssSelector(".error-summary")).getText())
                .contains("include, import, from or extends on line 1");
    }

    /** Clicks a form's button and waits for the page it answers with. */
    private static void submit(String button) {
        WebElement page = chromium.driver().findElement(By.tagName("html"));
        chromium.driver().findElement(By.cssSelector(button)).click();
        chromium.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(page));
        chromium.waitUpTo(Duration.ofSeconds(20)).until(driver -> "complete".equals(chromium.script(
                "return document.readyState;")));
    }

    private static WebElement row(String setting) {
        return chromium.driver().findElement(By.xpath("//section[h3[@id='row-" + setting + "']]"));
    }

    @Test
    void onAProjector() {
        walk(1920, 1080, "conversations-projector");
    }

    @Test
    void onAPhone() {
        walk(390, 844, "conversations-phone");
    }
}
