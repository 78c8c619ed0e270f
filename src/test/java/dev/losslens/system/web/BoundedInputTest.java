package dev.losslens.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bodies are bounded and well-formed before anything parses them, over real HTTP through Tomcat. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class BoundedInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> post(String path, String contentType, BodyPublisher body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType).POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return JSON.readTree(response.body());
    }

    private static String breakdown(String prompt) {
        return JSON.writeValueAsString(java.util.Map.of("prompt", prompt, "response", "It is Lima."));
    }

    @Test
    void aLegalBreakdownWrittenEntirelyInEscapesIsAccepted() throws Exception {
        // every character as a six-byte JSON escape: how the largest legal bodies are written
        StringBuilder body = new StringBuilder("{\"prompt\": \"");
        "Name the capital of Peru, in one short sentence please.".chars()
                .forEach(c -> body.append("\\u%04x".formatted(c)));
        body.append("\", \"response\": \"It is Lima.\"}");
        HttpResponse<String> response = post("/api/breakdown", "application/json", BodyPublishers.ofString(body.toString()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void anOversizedBodyIsRefusedWith413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        String huge = breakdown("x".repeat(200_000));
        assertThat(problem(post("/api/breakdown", "application/json", BodyPublishers.ofString(huge)), 413)
                .get("field").asString()).isEqualTo("body");
        byte[] bytes = breakdown("y".repeat(2_000_000)).getBytes(StandardCharsets.UTF_8);
        BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        assertThat(problem(post("/api/comparisons", "application/json", chunked), 413)
                .get("detail").asString()).contains("larger than 65536 bytes");
    }

    @Test
    void anOversizedChunkedFormIsRefusedQuietly(CapturedOutput log) throws Exception {
        byte[] bytes = ("code=K7QMF&question=" + "q".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
        for (String path : new String[] {"/join/K7QMF", "/quiz/run", "/lecture/K7QMF/control"}) {
            BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
            assertThat(problem(post(path, "application/x-www-form-urlencoded", chunked), 413).get("field").asString())
                    .as(path).isEqualTo("body");
        }
        assertThat(log.getOut() + log.getErr()).as("no stack trace per refused form")
                .doesNotContain("InvalidParameterException", "Servlet.service()");
    }

    @Test
    void aForwardedAddressIsNotBelievedWithoutAConfiguredProxy(@Autowired JdbcClient jdbc) throws Exception {
        HttpResponse<String> opened = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/classes")).header("X-Forwarded-For", "198.51.100.23").POST(BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        String code = JSON.readTree(opened.body()).get("code").asString();
        assertThat(jdbc.sql("select opened_by from class_session where code = ?").param(code).query(String.class)
                .single()).isEqualTo("127.0.0.1");
    }

    @Test
    void aFormSentWithAnotherMethodIsNotReadWhole() throws Exception {
        byte[] bytes = ("a=" + "b".repeat(2_000_000)).getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/runs"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isBetween(400, 499);
    }

    @Test
    void aBodyThatIsNotUtf8IsRefused() throws Exception {
        // an overlong encoding of '/' (C0 AF) must not be read as '/'
        byte[] body = "{\"prompt\": \"a\u0000b\", \"response\": \"ok\"}".getBytes(StandardCharsets.UTF_8);
        body[13] = (byte) 0xC0;
        byte[] overlong = new byte[body.length + 1];
        System.arraycopy(body, 0, overlong, 0, 14);
        overlong[14] = (byte) 0xAF;
        System.arraycopy(body, 14, overlong, 15, body.length - 14);
        JsonNode problem = problem(post("/api/breakdown", "application/json", BodyPublishers.ofByteArray(overlong)), 400);
        assertThat(problem.get("detail").asString()).contains("UTF-8");
    }

    @Test
    void integersMustBeIntegers() throws Exception {
        JsonNode problem = problem(post("/api/comparisons", "application/json",
                BodyPublishers.ofString("{\"steps\": 2.5}")), 400);
        assertThat(problem.get("field").asString()).isEqualTo("steps");
    }

    @Test
    void aRequestTomcatRefusesStillCarriesTheSecurityHeaders() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write("GET /% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("Content-Security-Policy: default-src 'self'",
                    "X-Content-Type-Options: nosniff").doesNotContain("Apache Tomcat");
        }
    }

    @Test
    void aMultipartBodyWithoutBoundaryIsAClientError() throws Exception {
        for (String path : new String[] {"/api/comparisons", "/runs", "/api/breakdown"}) {
            int status = post(path, "multipart/form-data", BodyPublishers.ofString("--x\r\n")).statusCode();
            assertThat(status).as(path).isBetween(400, 499);
        }
    }
}
