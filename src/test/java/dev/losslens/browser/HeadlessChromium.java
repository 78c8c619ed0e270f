package dev.losslens.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven through its own chromedriver, headless and with a throw-away profile. Paths are passed
 * explicitly, so Selenium Manager never looks anything up on the network. Without Chromium the calling test is
 * skipped, except under {@code CI=true}, where the browser tests must run.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** How often a wait looks again: Selenium's own default, 500 ms, idles up to half a second per wait. */
    private static final Duration POLL = Duration.ofMillis(50);

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a browser with a window of the given size, or skips (fails under CI) when Chromium is missing. */
    public static HeadlessChromium start(int width, int height) {
        requireInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("losslens-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                        "--window-size=%d,%d".formatted(width, height));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteRecursively(profile);
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(10));
        return new HeadlessChromium(service, driver, profile);
    }

    static void requireInstalled() {
        List<Path> missing = Stream.of(BROWSER, DRIVER).filter(path -> !Files.isExecutable(path)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String message = "Chromium not installed: missing " + missing
                + " (on Debian: apt-get install chromium chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + "; browser tests must run under CI=true");
        }
        Assumptions.assumeTrue(false, message);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** A wait of at most {@code timeout} that looks every 50 ms, so it ends as soon as what it waits for is there. */
    public WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout, POLL);
    }

    /** Runs this script in every page this browser opens from now on, before the page's own scripts. */
    public void beforeEveryPage(String javascript) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", javascript));
    }

    @SuppressWarnings("unchecked")
    public <T> T script(String javascript, Object... arguments) {
        return (T) ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Sets the viewport itself (not the outer window) to this size, so layout checks see what a device sees. */
    public void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /**
     * How far the page, or any box on it that scrolls sideways, is wider than what it shows, in CSS pixels: 0 means
     * nothing on the page makes a reader scroll sideways.
     */
    public long sidewaysOverflow() {
        Number widest = script("""
                const page = document.documentElement.scrollWidth - window.innerWidth;
                const boxes = [...document.querySelectorAll('body *')]
                    .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.offsetParent !== null)
                    .map(e => e.scrollWidth - e.clientWidth);
                return Math.max(page, 0, ...boxes);""");
        return widest.longValue();
    }

    /**
     * Runs axe-core (the script bundled in {@code com.deque.html.axe-core:selenium}) over the page with the WCAG 2.0
     * and 2.1 A and AA rules (with label-content-name-mismatch, still marked experimental in this axe) and returns its
     * serious and critical findings, one line each: rule, then the elements.
     */
    public List<String> accessibilityFaults() {
        script(AxeScript.SOURCE);
        List<String> faults = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                                   rules: {'label-content-name-mismatch': {enabled: true}},
                                   resultTypes: ['violations']})
                  .then(result => done(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                  .catch(error => done(['axe failed: ' + error]));""") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of("axe returned nothing");
        return faults;
    }

    /**
     * Saves a PNG of the viewport as {@code target/screenshots/<name>.png} when the build asks for pictures
     * ({@code -Dscreenshots}): about 80 ms each (9 s of the lecture-fits test's 78 s), and nothing a test asserts.
     */
    public void screenshot(String name) {
        if (System.getProperty("screenshots") == null) {
            return;
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteRecursively(profile);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
