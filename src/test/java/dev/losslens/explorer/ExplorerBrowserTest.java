package dev.losslens.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.browser.HeadlessChromium;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Opens a shared link with a hostile pair in a real browser, at a projector size and a phone size. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExplorerBrowserTest {

    private static final String HOSTILE_RESPONSE = "<script>window.__pwned=1</script> hi";

    private static HeadlessChromium chromium;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start(1920, 1080);
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void sharedLinkShowsBothLanesWithTheRightTargetsAndTheHostilePairAsText() {
        open(1920, 1080);

        List<WebElement> pretraining = tokens("pretraining");
        List<WebElement> instruction = tokens("instruction");
        assertThat(pretraining).hasSizeGreaterThan(3).hasSameSizeAs(instruction);
        assertThat(pretraining.get(0).getDomAttribute("data-target")).isEqualTo("false");
        assertThat(pretraining.subList(1, pretraining.size()))
                .allSatisfy(token -> assertThat(token.getDomAttribute("data-target")).isEqualTo("true"));
        assertThat(instruction).allSatisfy(token -> assertThat(token.getDomAttribute("data-target"))
                .isEqualTo("response".equals(token.getDomAttribute("data-role")) ? "true" : "false"));
        assertThat(instruction).extracting(token -> token.getDomAttribute("data-role"))
                .contains("prompt", "response");

        assertThat(chromium.driver().findElement(By.id("response")).getDomProperty("value"))
                .isEqualTo(HOSTILE_RESPONSE);
        assertThat(instruction).anySatisfy(token -> assertThat(token.getText()).contains("script"));
        assertThat(chromium.driver().getPageSource()).doesNotContain("<script>window");
        assertThat((Object) chromium.script("return window.__pwned;")).isNull();
        chromium.screenshot("explorer-projector");
    }

    @Test
    void phoneLayoutHasNoHorizontalScrolling() {
        open(390, 844);

        assertThat(tokens("pretraining")).isNotEmpty();
        assertThat(tokens("instruction")).isNotEmpty();
        long innerWidth = chromium.script("return window.innerWidth;");
        long scrollWidth = chromium.script("return document.documentElement.scrollWidth;");
        assertThat(innerWidth).isEqualTo(390);
        assertThat(scrollWidth).isLessThanOrEqualTo(innerWidth + 1);
        assertThat((Object) chromium.script("return window.__pwned;")).isNull();
        chromium.screenshot("explorer-phone");
    }

    @Test
    void lambdaSliderReweightsLiveAndTokensExplainThemselves() {
        open(1920, 1080);
        chromium.script("window.__samePage = true;");
        WebElement weightedSum = chromium.driver().findElement(By.cssSelector("[data-weighted=sum]"));
        String before = weightedSum.getText();

        chromium.script("""
                const slider = document.getElementById('promptWeight');
                slider.value = '0.9';
                slider.dispatchEvent(new Event('input', { bubbles: true }));""");

        assertThat(weightedSum.getText()).isNotEqualTo(before);
        assertThat((Object) chromium.script("return window.__samePage;")).isEqualTo(true);
        assertThat(chromium.driver().findElement(By.cssSelector("[data-lambda-output]")).getText()).isEqualTo("0.90");
        assertThat(chromium.driver().getCurrentUrl()).contains("promptWeight=0.9");

        List<WebElement> instruction = tokens("instruction");
        WebElement firstResponse = instruction.stream()
                .filter(token -> "response".equals(token.getDomAttribute("data-role"))).findFirst().orElseThrow();
        firstResponse.click();
        WebElement detail = chromium.driver().findElement(By.cssSelector("[data-token-detail]"));
        assertThat(detail.getText()).contains("Predicted from", "counted", "top 5");

        firstResponse.sendKeys(Keys.ARROW_RIGHT);
        String focused = chromium.script("return document.activeElement.dataset.position;");
        assertThat(Integer.parseInt(focused))
                .isEqualTo(Integer.parseInt(firstResponse.getDomAttribute("data-position")) + 1);
    }

    private void open(int width, int height) {
        chromium.viewport(width, height);
        chromium.driver().get("http://localhost:%d/explore?prompt=%s&response=%s&promptWeight=0.25&checkpoint=untrained"
                .formatted(port, encode("Say hi"), encode(HOSTILE_RESPONSE)));
    }

    private static List<WebElement> tokens(String lane) {
        return chromium.driver().findElements(By.cssSelector("[data-lane=%s] [data-role]".formatted(lane)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
