package dev.losslens.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Signing in as a browser does, over HTTP: the session gets a new id at sign-in, its cookie is HttpOnly and SameSite
 * (and Secure behind a TLS proxy), failures are throttled per account whatever the password, and signing out ends it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:sign-in;DB_CLOSE_DELAY=-1",
        "losslens.accounts.admin-password=" + SignInTest.PASSWORD,
        "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1"})
class SignInTest {

    static final String PASSWORD = "a-test-password-for-admin";
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    /** A browser: its own cookies, redirects not followed. */
    private final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

        HttpResponse<String> get(String path, String... headers) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
            if (headers.length > 0) {
                request.headers(headers);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, String form, String... headers) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            if (headers.length > 0) {
                request.headers(headers);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        String token(String page) throws Exception {
            Matcher token = TOKEN.matcher(get(page).body());
            assertThat(token.find()).as("a CSRF field on " + page).isTrue();
            return token.group(1);
        }

        HttpResponse<String> signIn(String name, String password, String... headers) throws Exception {
            return postForm("/login", "username=" + name + "&password=" + URLEncoder.encode(password,
                    StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token("/login"), StandardCharsets.UTF_8),
                    headers);
        }

        String session() {
            return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("SESSION"))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("SESSION="))
                .findFirst().orElse("");
    }

    @Test
    void signingInGivesAFreshHttpOnlySessionAndSigningOutEndsIt() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.get("/explore").headers().allValues("Set-Cookie")).as("a learner gets no session")
                .noneMatch(cookie -> cookie.startsWith("SESSION="));
        HttpResponse<String> signedIn = browser.signIn("admin", PASSWORD);
        assertThat(location(signedIn)).endsWith("/instructor");
        assertThat(sessionCookie(signedIn)).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        String first = browser.session();
        assertThat(browser.get("/instructor").body()).contains("Signed in as admin");

        assertThat(location(browser.signIn("admin", PASSWORD))).endsWith("/instructor");
        assertThat(browser.session()).as("a new session id at every sign-in").isNotEqualTo(first);

        assertThat(browser.postForm("/logout", "").statusCode()).as("signing out needs the token").isEqualTo(403);
        HttpResponse<String> out = browser.postForm("/logout", "_csrf=" + URLEncoder.encode(browser.token("/instructor"),
                StandardCharsets.UTF_8));
        assertThat(location(out)).endsWith("/login?signedOut");
        assertThat(location(browser.get("/instructor"))).endsWith("/login");
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecure() throws Exception {
        HttpResponse<String> signedIn = new Browser().signIn("admin", PASSWORD, "X-Forwarded-Proto", "https");
        assertThat(sessionCookie(signedIn)).contains("Secure", "HttpOnly");
    }

    @Test
    void anAccountThatFailedTooOftenWaitsWhateverThePassword() throws Exception {
        Browser guesser = new Browser();
        for (String guess : List.of("1", "2", "3", "4", "5")) {
            assertThat(location(guesser.signIn("Admin ", guess))).endsWith("/login?failed");
        }
        HttpResponse<String> right = new Browser().signIn("admin", PASSWORD);
        assertThat(location(right)).as("the right password, from another browser, after five failures")
                .endsWith("/login?wait");
        assertThat(new Browser().get("/login?wait").body()).contains("wait 15 minutes");
    }
}
