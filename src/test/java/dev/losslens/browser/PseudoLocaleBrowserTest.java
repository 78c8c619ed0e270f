package dev.losslens.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every page in the pseudo-locale en-XA, at a projector's and a phone's size: every sentence a reader sees comes
 * from a message bundle (it reads ⟦Šţáŕţ…⟧; plain English left over is a sentence that skipped the bundle), and the
 * pages survive words a third longer (nothing wider than the screen; every step of the deck still fits the
 * projector). Shares the lecture tests' database, and so their context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:lecture;DB_CLOSE_DELAY=-1")
class PseudoLocaleBrowserTest extends BrowserTest {

    /** The deck's first step with a class poll. */
    private static final int FIRST_POLL = 4;

    private static final List<int[]> SIZES = List.of(new int[] {1920, 1080}, new int[] {390, 844});

    /** Text that is no sentence: formula symbols, token text, and what readers or the model wrote. */
    private static final List<String> NOT_SENTENCES = List.of(
            "math",                                            // formula symbols, typeset MathML
            ".tok", ".strip", ".mono", ".token-text",          // token text
            ".deck-chip-text", ".deck-shift td:nth-child(2)", ".deck-shift td:nth-child(4)",
            "#prompt", "#response", "#pair", "#share-url",     // a reader's own pair, a pair's prompt, a link
            "#example", "#templateSource", ".rendered-text",  // a conversation's first message, a template
            ".facts dd", ".history td:nth-child(2)",            // a run's settings: dataset and model keys
            ".generated", ".generations-table .text",          // the model's answers, held-out pairs
            ".join-code", ".code", ".join-url", ".join-line strong", ".join .hint strong", // a session's code, address
            ".user-text",                                      // names and titles people gave (accounts, datasets)
            "time");                                           // dates, written as ISO numbers

    /** Names and symbols that read the same in every language. */
    private static final Pattern NAMES = Pattern.compile("LossLens|OpenAPI|LOSSLENS_\\w+|https?://\\S+|localhost:\\d+\\S*");

    private long aFinishedRun(String base) throws Exception {
        String body = """
                {"dataset": "capitals", "model": "tiny", "steps": 4, "learningRate": 0.001, "batchSize": 4,
                 "seed": 11, "evalEvery": 2, "lanes": [{"objective": "pretraining", "init": "base"},
                 {"objective": "instruction", "init": "base"}]}""";
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/comparisons"))
                .header("Content-Type", "application/json").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(answer.body());
        assertThat(id.find()).as("submitted: %s", answer.body()).isTrue();
        long run = Long.parseLong(id.group(1));
        long until = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < until && !http.send(HttpRequest.newBuilder(URI.create(base
                        + "/api/comparisons/" + run)).build(), HttpResponse.BodyHandlers.ofString()).body()
                .contains("\"status\":\"finished\"")) {
            Thread.sleep(250);
        }
        return run;
    }

    private void open(String url) {
        chromium.driver().get(url);
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(20)).until(driver ->
                "complete".equals(chromium.script("return document.readyState;")));
        // the scripts' first words (a status line, a hint) follow the load: let the page settle
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(10)).until(driver -> Boolean.TRUE.equals(chromium
                .script("const s = document.querySelector('[data-tokens-status]'); return !s || s.textContent === '';")));
    }

    /**
     * What a reader sees or hears that is outside every ⟦ ⟧: the page's visible text (with the exempt boxes hidden
     * for the moment, which keeps the layout, and exempt options left out), its title and its labels, titles,
     * placeholders and alternative texts.
     */
    private List<String> plainEnglish() {
        List<String> exempt = NOT_SENTENCES;
        String seen = chromium.script("""
                const exempt = arguments[0].join(', ');
                const hidden = [...document.querySelectorAll(exempt)].map(e => [e, e.style.visibility]);
                hidden.forEach(([e]) => { e.style.visibility = 'hidden'; });
                const said = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')]
                  .filter(e => (e.checkVisibility() || e.tagName === 'IMG') && !e.closest(exempt))
                  .flatMap(e => ['aria-label', 'title', 'placeholder', 'alt'].map(a => e.getAttribute(a)))
                  .filter(Boolean);
                // a select's options are read whatever their visibility: an exempt one (a title a person gave) is
                // taken out by its text
                const given = [...document.querySelectorAll('option')].filter(o => o.matches(exempt)).map(o => o.text);
                const text = given.reduce((all, name) => all.split(name).join(' '),
                  [document.title, document.body.innerText, ...said].join('\\n'));
                hidden.forEach(([e, visibility]) => { e.style.visibility = visibility; });
                return text;""", exempt);
        return leftovers(seen);
    }

    /** The words outside the brackets (which nest: a message can carry another as an argument). */
    static List<String> leftovers(String text) {
        StringBuilder outside = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '⟦') {
                depth++;
                outside.append(' ');
            } else if (c == '⟧') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                outside.append(c);
            }
        }
        String unnamed = NAMES.matcher(outside).replaceAll(name -> " ".repeat(name.group().length()));
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("[A-Za-z]{2,}").matcher(unnamed);
        while (word.find()) {
            String context = unnamed.substring(Math.max(0, word.start() - 30), Math.min(unnamed.length(),
                    word.end() + 30)).replaceAll("\\s+", " ").strip();
            words.add(word.group() + " in “" + context + "”");
        }
        return words;
    }

    private long sideways() {
        Number over = chromium.script("return document.documentElement.scrollWidth - window.innerWidth;");
        return over.longValue();
    }

    @Test
    void everyPageSpeaksTheBundlesAndSurvivesLongerWords() throws Exception {
        assertThat(leftovers("⟦Šţáŕţ ⟦ţĥé⟧ ŕüñ⟧ 0.25 LossLens · https://x.org/a Start"))
                .as("the check itself").singleElement().asString().startsWith("Start in");

        String base = "http://localhost:" + port;
        long run = aFinishedRun(base);
        // the footer's switch, as a reader would use it: the choice is remembered for every page after
        chromium.viewport(1920, 1080);
        open(base + "/");
        chromium.driver().findElement(By.cssSelector(".language-switch a[href*='en-XA']")).click();
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(20)).until(driver ->
                "en-XA".equals(chromium.script("return document.documentElement.lang;")));
        open(base + "/lecture");
        chromium.driver().findElement(By.cssSelector("form[action='/lecture'] button")).click();
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(20))
                .until(driver -> driver.getCurrentUrl().matches(".*/lecture/[A-Z0-9]{5}$"));
        String code = chromium.driver().findElement(By.tagName("body")).getDomAttribute("data-code");
        // the class's phones and the presenter view are read while a poll is open
        goTo(base, code, FIRST_POLL);

        signInAsAdministrator();
        String dataset = uploadDataset("Pseudo locale pairs");
        List<String> pages = new ArrayList<>(List.of("/", "/explore", "/explore?checkpoint=untrained&compare=base",
                "/explore?dataset=capitals&prompt=&response=", "/runs/new", "/runs", "/runs/" + run, "/learn",
                "/quiz", "/quiz/run?set=contrast-team-phases,contrast-mark-pretraining&at=0",
                "/quiz/run?set=contrast-team-phases,contrast-mark-pretraining&at=1",
                "/quiz/score?set=contrast-team-phases,contrast-mark-pretraining",
                "/quiz/run?set=conv-mark-trl-assistant&at=0", "/lecture",
                "/lecture/" + code + "/presenter", "/lecture/" + code + "/remote", "/join", "/join/" + code,
                "/login", "/instructor", "/instructor/results", "/admin", "/instructor/datasets",
                "/instructor/datasets/" + dataset, "/explore?dataset=" + dataset,
                "/explore/conversations?template=chatml-end-outside-generation",
                "/explore/conversations?example=too-long&template=plain-inline", "/no-such-page"));
        pages.addAll(instructorQuestionPages());
        pages.addAll(bugZooPages());
        List<String> shots = List.of("/", "/explore", "/runs/" + run, "/quiz/run?set=contrast-team-phases,"
                + "contrast-mark-pretraining&at=1", "/lecture/" + code + "/presenter");
        List<String> faults = new ArrayList<>();
        for (int[] size : SIZES) {
            chromium.viewport(size[0], size[1]);
            for (String page : pages) {
                open(base + page);
                String where = page + " at " + size[0] + "×" + size[1];
                assertThat(chromium.<String>script("return document.documentElement.lang;")).as(where)
                        .isEqualTo("en-XA");
                plainEnglish().forEach(left -> faults.add(where + ": not from a bundle: " + left));
                long over = sideways();
                if (over > 0) {
                    faults.add(where + ": " + over + " px wider than the screen");
                }
                if (shots.contains(page)) {
                    chromium.screenshot("en-XA" + page.replaceAll("[^a-z0-9]+", "-") + "-" + size[0]);
                }
            }
        }
        faults.addAll(deckInPseudo(base, code));
        faults.forEach(System.out::println);
        assertThat(faults).isEmpty();

        chromium.script("document.querySelector('main').insertAdjacentHTML('beforeend', "
                + "'<p>⟦Šţáŕţ⟧ Start the run <span title=\"Go\"></span></p>');");
        assertThat(plainEnglish()).as("the check itself finds a planted sentence and a planted title")
                .anyMatch(left -> left.startsWith("Start in"))
                .anyMatch(left -> left.startsWith("Go in"));
    }

    /** Moves the session as its presenter does, with this browser's presenter cookie. */
    private void goTo(String base, String code, int step) throws Exception {
        String cookies = chromium.driver().manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(Collectors.joining("; "));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                        + "/api/classes/" + code + "/control")).header("Content-Type", "application/json")
                .header("Origin", base).header("Cookie", cookies)
                // signed in, the browser's session needs its CSRF token, sent as a script does: the cookie's value
                .header("X-XSRF-TOKEN", chromium.driver().manage().getCookieNamed("XSRF-TOKEN").getValue())
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\": \"go\", \"step\": " + step + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("moving to step %d: %s", step, answer.body()).isEqualTo(200);
    }

    /** Walks the projected deck step by step at full HD: its sentences and its fit on the projector. */
    private List<String> deckInPseudo(String base, String code) throws Exception {
        List<String> faults = new ArrayList<>();
        chromium.viewport(1920, 1080);
        goTo(base, code, 0);
        open(base + "/lecture/" + code);
        int steps = Integer.parseInt(chromium.driver().findElement(By.tagName("body")).getDomAttribute("data-steps"));
        for (int step = 0; step < steps; step++) {
            String where = "deck step " + (step + 1) + " at 1920×1080";
            plainEnglish().forEach(left -> faults.add(where + ": not from a bundle: " + left));
            Map<String, Object> size = chromium.script("""
                    const page = document.documentElement;
                    return {width: page.scrollWidth, height: page.scrollHeight};""");
            if (((Number) size.get("width")).intValue() > 1920 || ((Number) size.get("height")).intValue() > 1080) {
                faults.add(where + ": " + size + " does not fit the projector");
                chromium.screenshot("en-XA-deck-step-" + (step + 1));
            }
            if (step == 0 || step == FIRST_POLL) {
                chromium.screenshot("en-XA-deck-step-" + (step + 1));
            }
            if (step + 1 < steps) {
                goTo(base, code, step + 1);
                open(base + "/lecture/" + code);
            }
        }
        return faults;
    }
}
