package dev.losslens.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads through Tomcat as browsers and scripts send them: a form's multipart body carries its CSRF token; a 50 MB
 * body is refused with 413 whether it declares its length or streams without one, before it is read; a million short
 * lines, streamed, are refused with the line bound. The bodies are generated as they are sent, never held whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dataset-uploads-http;DB_CLOSE_DELAY=-1",
        "losslens.accounts.admin-password=" + DatasetUploadOverHttpTest.PASSWORD})
class DatasetUploadOverHttpTest {

    static final String PASSWORD = "a-test-password-for-uploads";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final long FIFTY_MB = 50L * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private String token(String page) throws Exception {
        Matcher token = TOKEN.matcher(http.send(HttpRequest.newBuilder(uri(page)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(token.find()).as("a CSRF field on " + page).isTrue();
        return token.group(1);
    }

    @BeforeEach
    void signIn() throws Exception {
        String form = "username=admin&password=" + PASSWORD + "&_csrf="
                + URLEncoder.encode(token("/login"), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/instructor"));
        // signing in retires the token; the next page with a form issues the session's own
        token("/instructor");
    }

    /** The value a script sends back in {@code X-XSRF-TOKEN}: the cookie's. */
    private String cookieToken() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    /** A multipart body: the fields, then {@code train} holding {@code size} bytes of {@code unit} repeated. */
    private record Multipart(String boundary, List<String> fields, byte[] unit, long size) {

        Multipart(List<String> fields, byte[] unit, long size) {
            this("----losslens" + UUID.randomUUID(), fields, unit, size);
        }

        private byte[] head() {
            StringBuilder head = new StringBuilder();
            for (int i = 0; i < fields.size(); i += 2) {
                head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                        .append(fields.get(i)).append("\"\r\n\r\n").append(fields.get(i + 1)).append("\r\n");
            }
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"train\"; ")
                    .append("filename=\"train.jsonl\"\r\nContent-Type: application/jsonl\r\n\r\n");
            return head.toString().getBytes(StandardCharsets.UTF_8);
        }

        private byte[] tail() {
            return ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        }

        long length() {
            return head().length + size + tail().length;
        }

        InputStream stream() {
            InputStream content = new InputStream() {
                long sent;

                @Override
                public int read() {
                    return sent < size ? unit[(int) (sent++ % unit.length)] & 0xFF : -1;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    if (sent >= size) {
                        return -1;
                    }
                    int n = (int) Math.min(length, size - sent);
                    for (int i = 0; i < n; i++) {
                        buffer[offset + i] = unit[(int) (sent++ % unit.length)];
                    }
                    return n;
                }
            };
            return new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(head()), content,
                    new ByteArrayInputStream(tail()))));
        }

        /** Sent with its length declared up front, as browsers and curl send files. */
        BodyPublisher declared() {
            return BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(this::stream), length());
        }

        /** Streamed without a length. */
        BodyPublisher chunked() {
            return BodyPublishers.ofInputStream(this::stream);
        }
    }

    private HttpResponse<String> post(String path, Multipart body, BodyPublisher publisher) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + body.boundary())
                .header("X-XSRF-TOKEN", cookieToken()).POST(publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long datasets() {
        return jdbc.sql("select count(*) from uploaded_dataset").query(Long.class).single();
    }

    @Test
    void fiftyMegabytesAreRefusedWith413WhetherDeclaredOrStreamed() throws Exception {
        long before = datasets();
        Multipart big = new Multipart(List.of("title", "Big"), "{\"prompt\": \"a\", \"response\": \"b\"}\n"
                .getBytes(StandardCharsets.UTF_8), FIFTY_MB);
        for (BodyPublisher body : List.of(big.declared(), big.chunked())) {
            HttpResponse<String> refused = post("/api/instructor/datasets", big, body);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(refused.body()).get("detail").asString())
                    .isEqualTo("The upload is too large: each JSONL file may have at most 2 MB (2097152 bytes)");
        }
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/instructor/datasets"))
                .header("Content-Type", "multipart/form-data; boundary=" + big.boundary()).header("Accept", "text/html")
                .POST(big.declared()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("That upload is too large", "beside its control");
        assertThat(datasets()).isEqualTo(before);
    }

    @Test
    void aMillionShortLinesStreamedAreRefusedByTheLineBound() throws Exception {
        Multipart million = new Multipart(List.of("title", "Million"), "1\n".getBytes(StandardCharsets.UTF_8),
                2_000_000);
        HttpResponse<String> refused = post("/api/instructor/datasets", million, million.chunked());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.at("/lines/0/message").asString())
                .isEqualTo("train has more than 5000 lines (blank lines aside); reading stopped at line 5001");
    }

    @Test
    void aBrowsersFormUploadCarriesItsTokenInTheMultipartBody() throws Exception {
        String pairs = "{\"prompt\": \"Say hi\", \"response\": \"hi\"}\n{\"prompt\": \"Say bye\", \"response\": \"bye\"}\n"
                + "{\"prompt\": \"Say yes\", \"response\": \"yes\"}\n";
        Multipart form = new Multipart(List.of("_csrf", token("/instructor/datasets"), "title", "Greetings",
                "heldoutFrom", "split", "heldoutShare", "0.3", "seed", "1"), pairs.getBytes(StandardCharsets.UTF_8),
                pairs.length());
        HttpResponse<String> stored = http.send(HttpRequest.newBuilder(uri("/instructor/datasets"))
                .header("Content-Type", "multipart/form-data; boundary=" + form.boundary()).POST(form.declared())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(302);
        assertThat(stored.headers().firstValue("Location")).hasValueSatisfying(to ->
                assertThat(to).endsWith("/instructor/datasets/greetings?uploaded"));

        Multipart forged = new Multipart(List.of("_csrf", "not-the-token", "title", "Forged"),
                pairs.getBytes(StandardCharsets.UTF_8), pairs.length());
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri("/instructor/datasets"))
                .header("Content-Type", "multipart/form-data; boundary=" + forged.boundary()).POST(forged.declared())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from uploaded_dataset where slug = 'forged'").query(Long.class).single())
                .isZero();
    }
}
