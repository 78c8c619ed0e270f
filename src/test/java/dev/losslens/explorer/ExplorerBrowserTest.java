package dev.losslens.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslens.browser.BrowserTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Opens a shared link with a hostile pair in a real browser, at a projector size and a phone size. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExplorerBrowserTest extends BrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOSTILE_RESPONSE = "<script>window.__pwned=1</script> hi";

    @Test
    void sharedLinkShowsBothLanesWithTheRightTargetsAndTheHostilePairAsText() {
        open(1920, 1080);

        List<Token> pretraining = tokens("pretraining");
        List<Token> instruction = tokens("instruction");
        assertThat(pretraining).hasSizeGreaterThan(3).hasSameSizeAs(instruction);
        assertThat(pretraining.get(0).target()).isEqualTo("false");
        assertThat(pretraining.subList(1, pretraining.size())).extracting(Token::target).containsOnly("true");
        assertThat(instruction).extracting(Token::role).contains("prompt", "response");
        assertThat(instruction).allSatisfy(token -> assertThat(token.target())
                .as("token %s (%s)", token.position(), token.role())
                .isEqualTo(token.role().equals("response") ? "true" : "false"));

        String responseText = instruction.stream().filter(token -> token.role().equals("response"))
                .map(Token::text).collect(Collectors.joining());
        assertThat(responseText).startsWith("<script>window.__pwned=1</script>");
        assertThat(chromium.driver().findElement(By.id("response")).getDomProperty("value"))
                .isEqualTo(HOSTILE_RESPONSE);
        assertThat(chromium.driver().getPageSource()).doesNotContain("<script>window");
        assertThat((Object) chromium.script("return window.__pwned;")).isNull();
        assertThat((Long) chromium.script("return document.scripts.length;")).isEqualTo(1);
        chromium.screenshot("explorer-projector");
    }

    @Test
    void phoneLayoutHasNoHorizontalScrolling() {
        open(390, 844);

        assertThat(tokens("pretraining")).isNotEmpty().hasSameSizeAs(tokens("instruction"));
        long innerWidth = chromium.script("return window.innerWidth;");
        assertThat(innerWidth).isEqualTo(390);
        chromium.script("document.querySelector('details.token-table').open = true;");
        assertThat(chromium.sidewaysOverflow()).as("page and every table, the token table open").isLessThanOrEqualTo(1);
        assertThat((Object) chromium.script("return window.__pwned;")).isNull();
        chromium.screenshot("explorer-phone");

        // a tapped token's detail appears under its own lane, not below everything else
        WebElement tapped = tokenElement("instruction", tokens("instruction").get(3).position());
        tapped.click();
        long gap = chromium.script("""
                const token = arguments[0].getBoundingClientRect();
                const detail = document.querySelector('[data-token-detail]').getBoundingClientRect();
                return Math.round(detail.top - token.bottom);""", tapped);
        assertThat(gap).as("pixels between the tapped token and its detail").isBetween(0L, 400L);
        assertThat(chromium.driver().findElement(By.cssSelector("[data-token-detail]")).getText())
                .contains("Predicted from");
        assertThat(chromium.sidewaysOverflow()).as("with the detail under the lane").isLessThanOrEqualTo(1);
        chromium.screenshot("explorer-phone-token-detail");
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

        Token firstResponse = tokens("instruction").stream()
                .filter(token -> token.role().equals("response")).findFirst().orElseThrow();
        WebElement element = tokenElement("instruction", firstResponse.position());
        element.click();
        assertThat(chromium.driver().findElement(By.cssSelector("[data-token-detail]")).getText())
                .contains("Predicted from", "counted", "top 5");

        WebElement count = chromium.driver().findElement(By.cssSelector("[data-token-count]"));
        String counted = count.getText();
        chromium.driver().findElement(By.id("response")).sendKeys(" and a few more words");
        chromium.waitUpTo(Duration.ofSeconds(5)).until(driver -> !count.getText().equals(counted));
        assertThat(count.getText()).as("the count follows typing, before the form is sent")
                .contains("This pair uses", "response side");

        element.sendKeys(Keys.ARROW_RIGHT);
        String focused = chromium.script("return document.activeElement.dataset.position;");
        assertThat(Integer.parseInt(focused)).isEqualTo(Integer.parseInt(firstResponse.position()) + 1);
    }

    /** The slider's arithmetic in the browser is the server's: moved to λ = 0.9, the page shows /api/breakdown's totals. */
    @Test
    void theSlidersReweightingInTheBrowserIsWhatTheServerComputes() throws Exception {
        open(1920, 1080);
        chromium.script("""
                const slider = document.getElementById('promptWeight');
                slider.value = '0.9';
                slider.dispatchEvent(new Event('input', { bubbles: true }));""");

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                .uri(URI.create("http://localhost:%d/api/breakdown".formatted(port)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("prompt", "Say hi",
                        "response", HOSTILE_RESPONSE, "promptWeight", 0.9, "checkpoint", "untrained"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode weighted = JSON.readTree(answer.body()).at("/totals/weighted");
        assertThat(Double.parseDouble(shown("sum"))).isCloseTo(weighted.get("sum").asDouble(), within(0.005));
        assertThat(Double.parseDouble(shown("mean"))).isCloseTo(weighted.get("mean").asDouble(), within(0.0005));
        assertThat(Double.parseDouble(shown("weightTotal"))).isCloseTo(weighted.get("weightTotal").asDouble(),
                within(0.005));
        assertThat(Integer.parseInt(shown("count"))).isEqualTo(weighted.get("count").asInt());
    }

    private static String shown(String total) {
        return chromium.driver().findElement(By.cssSelector("[data-weighted=%s]".formatted(total))).getText();
    }

    private void open(int width, int height) {
        chromium.viewport(width, height);
        chromium.driver().get("http://localhost:%d/explore?prompt=%s&response=%s&promptWeight=0.25&checkpoint=untrained"
                .formatted(port, encode("Say hi"), encode(HOSTILE_RESPONSE)));
    }

    /** One token element as the page shows it. */
    record Token(String position, String role, String target, String text) {
    }

    private static List<Token> tokens(String lane) {
        List<Map<String, String>> found = chromium.script("""
                return [...document.querySelectorAll(`[data-lane="${arguments[0]}"] [data-role]`)]
                    .map(t => ({ position: t.dataset.position, role: t.dataset.role, target: t.dataset.target,
                                 text: t.textContent }));""", lane);
        return found.stream()
                .map(t -> new Token(t.get("position"), t.get("role"), t.get("target"), t.get("text")))
                .toList();
    }

    private static WebElement tokenElement(String lane, String position) {
        return chromium.driver().findElement(
                By.cssSelector("[data-lane=%s] [data-position='%s']".formatted(lane, position)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
