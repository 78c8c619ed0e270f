package dev.losslens.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * axe-core's WCAG 2.0/2.1 A and AA rules over every page, at a projector's and a phone's size: no serious or critical
 * finding anywhere; and on every page the Tab key reaches every visible control. Shares the lecture tests' database (and so their context), where a class session's presets train
 * once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:lecture;DB_CLOSE_DELAY=-1")
class AccessibilityBrowserTest extends BrowserTest {

    private static final List<int[]> SIZES = List.of(new int[] {1920, 1080}, new int[] {390, 844});

    /** A short comparison through the API, so there is a run page to check. */
    private long aRun(String base) throws Exception {
        String body = """
                {"dataset": "capitals", "model": "tiny", "steps": 4, "learningRate": 0.001, "batchSize": 4,
                 "seed": 7, "evalEvery": 2, "lanes": [{"objective": "pretraining", "init": "base"},
                 {"objective": "instruction", "init": "base"}]}""";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                        + "/api/comparisons")).header("Content-Type", "application/json").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(answer.body());
        assertThat(id.find()).as("submitted: %s", answer.body()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private void open(String url) {
        chromium.driver().get(url);
        chromium.waitUpTo(Duration.ofSeconds(20)).until(driver ->
                "complete".equals(chromium.script("return document.readyState;")));
    }

    /**
     * Presses Tab through the page and lists the visible controls that the focus never reached (by the page's own
     * tab order, from the top).
     */
    private List<String> unreachable() {
        List<String> controls = chromium.script("""
                window.__reached = new Set();
                document.addEventListener('focusin', e => window.__reached.add(e.target), true);
                const all = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
                  .filter(e => e.tabIndex >= 0 && !e.disabled && e.offsetParent !== null
                               && getComputedStyle(e).visibility !== 'hidden'
                               // inside a closed disclosure (a delete's confirmation) it is reached once opened
                               && !e.closest('details:not([open]) > :not(summary)'));
                window.__controls = all;
                return all.map(e => e.outerHTML.slice(0, 90));""");
        chromium.script("document.activeElement.blur(); window.scrollTo(0, 0);");
        Actions keys = new Actions(chromium.driver());
        for (int i = 0; i < controls.size() + 5; i++) {
            keys.sendKeys(Keys.TAB);
        }
        keys.perform();
        // a radio group is one tab stop: the arrow keys move within it
        List<String> missed = chromium.script("""
                const reached = e => window.__reached.has(e) || (e.type === 'radio'
                  && [...window.__reached].some(r => r.type === 'radio' && r.name === e.name && r.form === e.form));
                return window.__controls.filter(e => !reached(e)).map(e => e.outerHTML.slice(0, 90));""");
        return missed.stream().map(control -> "not reached by Tab: " + control).toList();
    }

    @Test
    void noPageHasASeriousOrCriticalAccessibilityFault() throws Exception {
        String base = "http://localhost:" + port;
        long run = aRun(base);
        open(base + "/lecture");
        chromium.driver().findElement(By.cssSelector("form[action='/lecture'] button")).click();
        chromium.waitUpTo(Duration.ofSeconds(20))
                .until(driver -> driver.getCurrentUrl().matches(".*/lecture/[A-Z0-9]{5}$"));
        String code = chromium.driver().findElement(By.tagName("body")).getDomAttribute("data-code");

        signInAsAdministrator();
        String dataset = uploadDataset("Accessible pairs");
        List<String> pages = new ArrayList<>(List.of("/", "/explore", "/runs/new", "/runs", "/runs/" + run, "/learn",
                "/quiz", "/quiz/run?set=contrast-team-phases,contrast-mark-pretraining&at=0",
                "/quiz/run?set=contrast-team-phases,contrast-mark-pretraining&at=1",
                "/quiz/score?set=contrast-team-phases,contrast-mark-pretraining",
                "/lecture", "/join", "/join/" + code, "/lecture/" + code, "/lecture/" + code + "/presenter",
                "/lecture/" + code + "/remote", "/login", "/instructor", "/instructor/results", "/admin",
                "/instructor/datasets", "/instructor/datasets/" + dataset, "/explore/conversations"));
        pages.addAll(instructorQuestionPages());
        pages.addAll(bugZooPages());
        Map<String, List<String>> faults = new LinkedHashMap<>();
        for (int[] size : SIZES) {
            chromium.viewport(size[0], size[1]);
            for (String page : pages) {
                open(base + page);
                faults.put(page + " at " + size[0] + "×" + size[1], chromium.accessibilityFaults());
                if (size[0] == 1920) {
                    // the keyboard walk on the same load: axe reads the page and leaves it as it was
                    faults.computeIfAbsent(page + " with the keyboard", key -> new ArrayList<>())
                            .addAll(unreachable());
                }
            }
        }
        List<String> all = new ArrayList<>();
        faults.forEach((page, found) -> {
            System.out.printf("axe: %-70s %d serious or critical%n", page, found.size());
            found.forEach(fault -> all.add(page + " — " + fault));
        });
        assertThat(all).isEmpty();

        chromium.viewport(1920, 1080);
        chromium.script("document.querySelector('main').insertAdjacentHTML('beforeend', "
                + "'<img src=\"data:,\"><button aria-label=\"Go\">Start the run</button>');");
        assertThat(chromium.accessibilityFaults()).as("the check itself finds a planted fault")
                .anyMatch(fault -> fault.startsWith("image-alt"))
                .anyMatch(fault -> fault.startsWith("label-content-name-mismatch"));
    }
}
