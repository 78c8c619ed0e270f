package dev.losslens.lecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.browser.BrowserTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A clicker sends Space or PageDown, which mean "next step", so the lecturer can never scroll: every step of the deck,
 * and every key's effect on it, has to fit the projector's screen. Walks the whole deck at full HD and at 720p with a
 * class answering, and measures every visible box after every key. Shares the lecture tests' database, so the
 * presets are trained once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:lecture;DB_CLOSE_DELAY=-1")
class LectureFitsTheScreenBrowserTest extends BrowserTest {

    /**
     * Where the page's visible boxes end, and which boxes hide part of their content (a box that clips or scrolls
     * what does not fit): overlays included, screen-reader-only text excluded (it is clipped on purpose).
     */
    private static final String MEASURE = """
            let bottom = 0, right = 0, ink = 0;
            const clipped = [];
            for (const e of document.body.querySelectorAll('*')) {
              if (!e.checkVisibility() || e.closest('.visually-hidden')) continue;
              const box = e.getBoundingClientRect();
              if (box.width === 0 && box.height === 0) continue;
              bottom = Math.max(bottom, box.bottom + window.scrollY);
              if (!e.firstElementChild && e.textContent.trim() || ['CANVAS', 'IMG', 'svg'].includes(e.tagName)) {
                ink = Math.max(ink, box.bottom + window.scrollY);
              }
              right = Math.max(right, box.right + window.scrollX);
              const style = getComputedStyle(e);
              if ((style.overflowY !== 'visible' && e.scrollHeight > e.clientHeight + 1)
                  || (style.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1)) {
                clipped.push(e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '')
                  + ' ' + e.scrollWidth + '×' + e.scrollHeight + ' in ' + e.clientWidth + '×' + e.clientHeight);
              }
            }
            const page = document.documentElement;
            return {height: Math.max(page.scrollHeight, Math.ceil(bottom)), width: Math.max(page.scrollWidth,
                    Math.ceil(right)), ink: Math.ceil(ink), clipped: clipped.join('; ')};""";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> figures = new ArrayList<>();
    private SoftAssertions fits;
    private int width;
    private int height;

    /**
     * A finished run's race replays one stored step every 500 ms, so a room can watch the lanes separate. What this
     * test measures is every step's layout and where each race ends, not the pace, so in its browser a replay's timer
     * (the interval that calls {@code showNextStep}) ticks every 20 ms. A race that follows a run still training (it
     * opens the run's event stream) keeps the page's own pace, and every other timer keeps its own delay.
     */
    @BeforeAll
    static void replayFinishedRacesQuickly() {
        chromium.beforeEveryPage("""
                let live = false;
                const Source = window.EventSource;
                window.EventSource = class extends Source {
                  constructor(url, options) {
                    super(url, options);
                    if (String(url).includes('/api/comparisons/')) live = true;
                  }
                };
                const every = window.setInterval;
                window.setInterval = (tick, delay, ...rest) => {
                  if (typeof tick !== 'function' || tick.name !== 'showNextStep') return every(tick, delay, ...rest);
                  let last = 0;
                  return every(() => {
                    if (!live || Date.now() - last >= delay) {
                      last = Date.now();
                      tick();
                    }
                  }, 20);
                };""");
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1920,1080", "1280,720"})
    void everyStepAndEveryKeysEffectFitsTheProjector(int width, int height) throws Exception {
        this.width = width;
        this.height = height;
        fits = new SoftAssertions();
        chromium.viewport(width, height);
        String base = "http://localhost:" + port;
        chromium.driver().get(base + "/lecture");
        chromium.driver().findElement(By.cssSelector("form[action='/lecture'] button")).sendKeys(Keys.ENTER);
        waiting(20).until(driver -> driver.getCurrentUrl().matches(".*/lecture/[A-Z0-9]{5}$"));
        String code = chromium.driver().findElement(By.tagName("body")).getDomAttribute("data-code");

        for (int step = 0; step < 12; step++) {
            if (step > 0) {
                keyTo(step % 2 == 0 ? " " : Keys.PAGE_DOWN, step);
            }
            assertThat((String) chromium.script("return sessionStorage.getItem('joinClicked');"))
                    .as("the join button clicked by a key meant for the deck").isNull();
            awaitDrawn();
            measure(step, "shown");
            switch (step) {
                case 0 -> {
                    key("c");
                    WebElement problem = waiting(10).until(driver -> driver.findElement(By.cssSelector(
                            "[data-deck-problem]")));
                    waiting(10).until(driver -> problem.isDisplayed());
                    assertThat(problem.getText()).startsWith("Could not start the class's λ race. A crowd race "
                            + "starts from the λ step");
                    measure(step, "C refused");
                    key(Keys.ESCAPE);
                    key("b");
                    waiting(10).until(driver -> driver.findElement(By.cssSelector("[data-blank-screen]")).isDisplayed());
                    measure(step, "after B");
                    key("b");
                    waiting(10).until(driver -> !driver.findElement(By.cssSelector("[data-blank-screen]")).isDisplayed());
                }
                case 4 -> {
                    vote(base, code, "predict-lowest-response", "\"choice\": 0", "\"choice\": 1", "\"choice\": 0");
                    awaitAnswers(3);
                    measure(step, "3 answers");
                    pollKey("l", "locked", step);
                }
                case 5, 9 -> {
                    raceToTheEnd(step);
                    key("p");
                    measure(step, "after P");
                    key("p");
                }
                case 6 -> {
                    pollKey("r", "revealed", step);
                    waiting(60).until(driver -> !driver.findElements(By.cssSelector(".outcome")).isEmpty());
                    measure(step, "outcome");
                }
                case 7 -> {
                    vote(base, code, "whole-entire-sequence", "\"choice\": 0", "\"choice\": 1");
                    awaitAnswers(2);
                    pollKey("l", "locked", step);
                    pollKey("r", "revealed", step);
                    waiting(10).until(driver -> !driver.findElements(By.cssSelector(".histogram tr.right-answer"))
                            .isEmpty());
                    measure(step, "right answer");
                }
                case 8 -> {
                    vote(base, code, "pick-lambda", "\"number\": 0.1");
                    awaitAnswers(1);
                    key("c");
                    waiting(10).until(driver -> driver.findElement(By.cssSelector("[data-deck-problem]")).getText()
                            .contains("percentile are all λ = 0.1"));
                    measure(step, "C refused");
                    vote(base, code, "pick-lambda", "\"number\": 0", "\"number\": 0.05", "\"number\": 0.1",
                            "\"number\": 0.5", "\"number\": 1");
                    awaitAnswers(6);
                    pollKey("r", "revealed", step);
                    key("c");
                    waiting(30).until(driver -> !Objects.toString(driver.findElement(By.tagName("body"))
                            .getDomAttribute("data-crowd"), "").isEmpty());
                    awaitDrawn();
                    measure(step, "after R and C");
                    raceToTheEnd(step);
                }
                case 10 -> {
                    waiting(180).until(driver -> "true".equals(driver.findElement(By.cssSelector("[data-symptoms]"))
                            .getDomAttribute("data-ended")));
                    measure(step, "symptoms");
                    vote(base, code, "zoo-lynx", "\"choice\": 2", "\"choice\": 6");
                    awaitAnswers(2);
                    pollKey("l", "locked", step);
                    pollKey("r", "revealed", step);
                    waiting(20).until(driver -> driver.findElements(By.cssSelector(".deck-proof")).size() == 2);
                    measure(step, "bug revealed");
                }
                default -> {
                }
            }
            key("j");
            WebElement splash = chromium.driver().findElement(By.cssSelector("[data-join-splash]"));
            waiting(5).until(driver -> splash.isDisplayed());
            measure(step, "join (J)");
            if (step == 0) {
                assertJoinSplashReadsFromTheBack(code);
            }
            key("j");
            waiting(5).until(driver -> !splash.isDisplayed());
            // closing the splash focuses its button again: a clicker's Space must still mean "next", never a click
            chromium.script("document.querySelector('[data-join-open]').addEventListener('click', () => "
                    + "sessionStorage.setItem('joinClicked', 'yes'));");
            key("?");
            measure(step, "help (?)");
            key(Keys.ESCAPE);
        }
        figures.forEach(System.out::println);
        fits.assertAll();
    }

    /**
     * The presenter's window says in words what did not happen and why, where the lecturer looks; the one control that
     * loses answers is apart from the others and asks first.
     */
    @Test
    void thePresenterReadsRefusalsInPlainWordsAndResetAsksBeforeItDeletesAnswers() throws Exception {
        chromium.viewport(1280, 800);
        String base = "http://localhost:" + port;
        chromium.driver().get(base + "/lecture");
        chromium.driver().findElement(By.cssSelector("form[action='/lecture'] button")).sendKeys(Keys.ENTER);
        waiting(20).until(driver -> driver.getCurrentUrl().matches(".*/lecture/[A-Z0-9]{5}$"));
        String code = chromium.driver().findElement(By.tagName("body")).getDomAttribute("data-code");
        keyTo("9", 8);
        vote(base, code, "pick-lambda", "\"number\": 0.1", "\"number\": 0.1");
        chromium.driver().get(base + "/lecture/" + code + "/presenter");

        assertThat(chromium.driver().findElements(By.cssSelector(".remote input[value=reset]")))
                .as("Reset among the other controls").isEmpty();
        WebElement delete = chromium.driver().findElement(By.cssSelector(".reset-poll button"));
        assertThat(delete.isDisplayed()).as("deleting answers before the question is opened").isFalse();

        chromium.driver().findElement(By.cssSelector(".remote input[value=crowd] + button")).click();
        WebElement message = chromium.driver().findElement(By.cssSelector(".control-message"));
        waiting(10).until(driver -> message.isDisplayed());
        assertThat(message.getText()).isEqualTo("Could not start the class's λ race. The class's 10th, 50th and 90th "
                + "percentile are all λ = 0.1: a race needs two different values, so wait for more answers.");
        chromium.screenshot("lecture-presenter-refused");

        chromium.driver().findElement(By.cssSelector(".reset-poll summary")).click();
        assertThat(chromium.driver().findElement(By.cssSelector(".reset-poll p")).getText())
                .startsWith("Deletes all 2 answers to this poll");
        chromium.screenshot("lecture-presenter-reset-asks");
        delete.click();
        waiting(10).until(driver -> driver.findElements(By.cssSelector("[data-answered]")).stream()
                .allMatch(count -> "0".equals(count.getDomProperty("textContent"))));
        assertThat(chromium.driver().findElement(By.cssSelector(".reset-poll")).getDomAttribute("open")).isNull();
        assertThat(message.isDisplayed()).as("the refusal, once an action succeeded").isFalse();
    }

    /**
     * The QR code at least half the screen's height and the code in letters a tenth of it: about 11 cm on a 2 m
     * projection, what the back of a hall reads.
     */
    private void assertJoinSplashReadsFromTheBack(String code) {
        Map<String, Object> sizes = chromium.script("""
                const splash = document.querySelector('[data-join-splash]');
                return {qr: splash.querySelector('img').getBoundingClientRect().height,
                        code: parseFloat(getComputedStyle(splash.querySelector('.join-code')).fontSize),
                        text: splash.querySelector('.join-code').textContent};""");
        assertThat(sizes.get("text")).isEqualTo(code);
        assertThat(((Number) sizes.get("qr")).doubleValue()).as("QR code height").isGreaterThanOrEqualTo(height * 0.5);
        assertThat(((Number) sizes.get("code")).doubleValue()).as("join code type size")
                .isGreaterThanOrEqualTo(height * 0.1);
    }

    /**
     * Lets the race replay to its last step, then checks what the back row reads: every lane's number beside its line
     * is the run's own last stored value, the axes zoom to the later half of the run, and Z shows the whole run.
     */
    private void raceToTheEnd(int step) {
        waiting(180).until(driver -> driver.findElement(By.cssSelector("[data-race-status]")).getText()
                .contains("at the end"));
        List<List<String>> finals = castRows(chromium.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const race = document.querySelector('[data-race]');
                fetch('/api/comparisons/' + race.dataset.run, {headers: {Accept: 'application/json'}})
                  .then(answer => answer.json())
                  .then(run => done(run.lanes.flatMap(lane => [...race.querySelectorAll('[data-chart]')].map(figure => {
                    const metric = figure.dataset.chart;
                    const item = figure.querySelector(`[data-race-finals] [data-lane="${lane.index}"]`);
                    const last = lane.metrics.filter(point => point[metric] != null).at(-1);
                    return [metric + ' lane ' + lane.index, item.querySelector('.race-final-value').textContent,
                            last[metric].toFixed(3), item.dataset.step, String(last.step)];
                  }))));"""));
        assertThat(finals).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get(1)).as("the number beside " + row.get(0)).isEqualTo(row.get(2));
            assertThat(row.get(3)).as("the step of " + row.get(0)).isEqualTo(row.get(4));
        });
        measure(step, "at the end");
        String zoom = chromium.driver().findElement(By.cssSelector("[data-race] [data-chart]")).getDomAttribute("data-zoom");
        int steps = Integer.parseInt(chromium.driver().findElement(By.cssSelector("[data-race]")).getDomAttribute("data-steps"));
        assertThat(zoom).as("zoomed near the end by default").matches("\\d+-" + steps);
        assertThat(Integer.parseInt(zoom.split("-")[0])).isGreaterThanOrEqualTo(steps / 2);
        figures.add("%d×%d step %2d final values %s; lines' ends %s px apart zoomed".formatted(width, height, step + 1,
                finals.stream().map(row -> row.get(0) + " " + row.get(1)).toList(), lineGap()));
        key("z");
        waiting(5).until(driver -> "whole".equals(driver.findElement(By.cssSelector("[data-race] [data-chart]"))
                .getDomAttribute("data-zoom")));
        measure(step, "after Z");
        figures.add("%d×%d step %2d lines' ends %s px apart on the whole run".formatted(width, height, step + 1,
                lineGap()));
        key("z");
    }

    /** How far apart, in screen pixels, the ends of the first chart's highest and lowest line are drawn. */
    private String lineGap() {
        Number gap = chromium.script("""
                const chart = Chart.getChart(document.querySelector('[data-race] canvas'));
                const ends = chart.data.datasets.map(d => d.data.at(-1)).filter(p => p).map(p => chart.scales.y.getPixelForValue(p.y));
                return Math.max(...ends) - Math.min(...ends);""");
        return String.valueOf(Math.round(gap.doubleValue()));
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> castRows(Object rows) {
        return ((List<List<Object>>) rows).stream().map(row -> row.stream().map(String::valueOf).toList()).toList();
    }

    private void measure(int step, String after) {
        Map<String, Object> box = chromium.script(MEASURE);
        long contentHeight = ((Number) box.get("height")).longValue();
        long contentWidth = ((Number) box.get("width")).longValue();
        String clipped = (String) box.get("clipped");
        String kind = chromium.script("return document.querySelector('main').dataset.kind;");
        chromium.screenshot("fit-%dx%d-%02d-%s-%s".formatted(width, height, step + 1, kind,
                after.replaceAll("\\W+", "-")));
        figures.add("%d×%d step %2d %-12s %-14s page %4d × %4d px, last text or chart ends at %4d px%s".formatted(
                width, height, step + 1, kind, after, contentWidth, contentHeight, ((Number) box.get("ink")).longValue(),
                clipped.isEmpty() ? "" : " — clipped: " + clipped));
        String where = "%d×%d, step %d, %s".formatted(width, height, step + 1, after);
        fits.assertThat(contentHeight).as("content height at " + where).isLessThanOrEqualTo(height);
        fits.assertThat(contentWidth).as("content width at " + where).isLessThanOrEqualTo(width);
        fits.assertThat(clipped).as("boxes that hide part of their content at " + where).isEmpty();
    }

    /** Waits until the step's real data is on screen: the pair's tokens read, every chart with points drawn. */
    private void awaitDrawn() {
        waiting(180).until(driver -> Boolean.TRUE.equals(chromium.script("""
                const reading = [...document.querySelectorAll('[data-tokens-status]')].some(s => s.textContent);
                const charts = [...document.querySelectorAll('[data-chart]')];
                return !reading && charts.every(c => c.dataset.points && !c.dataset.points.split(',').includes('0'));""")));
    }

    private void pollKey(String key, String state, int step) {
        key(key);
        waiting(10).until(driver -> state.equals(driver.findElement(By.tagName("body")).getDomAttribute("data-poll-state")));
        awaitDrawn();
        measure(step, "after " + key.toUpperCase());
    }

    private void awaitAnswers(int count) {
        waiting(10).until(driver -> String.valueOf(count).equals(driver.findElement(By.cssSelector("[data-answered]"))
                .getText()));
    }

    /** Each answer from its own phone: a request without the participant cookie is a new participant. */
    private void vote(String base, String code, String question, String... answers) throws Exception {
        for (String answer : answers) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/classes/" + code
                            + "/votes")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"%s\", %s}".formatted(question, answer)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        }
    }

    private static void key(CharSequence key) {
        new Actions(chromium.driver()).sendKeys(key).perform();
    }

    private static void keyTo(CharSequence key, int step) {
        key(key);
        waiting(10).until(driver -> String.valueOf(step).equals(
                driver.findElement(By.tagName("body")).getDomAttribute("data-step")));
    }

    private static WebDriverWait waiting(int seconds) {
        WebDriverWait wait = chromium.waitUpTo(Duration.ofSeconds(seconds));
        // the deck reloads itself when the session moves on: an element read mid-reload is gone, so read again
        wait.ignoring(WebDriverException.class);
        return wait;
    }
}
