package dev.losslens.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test class that drives the app on a random port with one headless Chromium, started at projector size. */
public abstract class BrowserTest {

    protected static HeadlessChromium chromium;

    @LocalServerPort
    protected int port;

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
}
