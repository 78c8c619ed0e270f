package dev.losslens.browser;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }
}
