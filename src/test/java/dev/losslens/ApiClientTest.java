package dev.losslens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.losslens.client.ApiClient;
import dev.losslens.client.ApiException;
import dev.losslens.client.ApiResponse;
import dev.losslens.client.api.ClassPollsApi;
import dev.losslens.client.api.ComparisonsApi;
import dev.losslens.client.api.DatasetsApi;
import dev.losslens.client.api.ExplorerApi;
import dev.losslens.client.api.MysteriesApi;
import dev.losslens.client.model.Breakdown;
import dev.losslens.client.model.BreakdownRequest;
import dev.losslens.client.model.ClassState;
import dev.losslens.client.model.ComparisonRequest;
import dev.losslens.client.model.ComparisonView;
import dev.losslens.client.model.ControlRequest;
import dev.losslens.client.model.LaneRequest;
import dev.losslens.client.model.MysteryAnswer;
import dev.losslens.client.model.SubmissionResponse;
import dev.losslens.client.model.VoteRequest;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API as a client generated from the published document sees it (openapi-generator's Java client, built from
 * {@code src/test/resources/openapi.json}, which {@code ApiDocumentationTest} keeps equal to {@code /v3/api-docs}):
 * every call and every documented 4xx works through the generated types. Shares the lecture tests' database (and
 * context), where a class session's presets train once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:lecture;DB_CLOSE_DELAY=-1")
class ApiClientTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private ApiClient client;

    @BeforeEach
    void connect() {
        client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setHttpClientBuilder(HttpClient.newBuilder().cookieHandler(new CookieManager()));
    }

    private static ComparisonRequest tiny(long seed, int steps) {
        return new ComparisonRequest().dataset("capitals").model("tiny").steps(steps).learningRate(0.001).batchSize(4)
                .seed(seed).evalEvery(2).lanes(List.of(new LaneRequest().objective(LaneRequest.ObjectiveEnum.PRETRAINING).init(LaneRequest.InitEnum.BASE),
                        new LaneRequest().objective(LaneRequest.ObjectiveEnum.INSTRUCTION).init(LaneRequest.InitEnum.BASE)));
    }

    /** The documented problem: its status and the field it names. */
    private static void assertProblem(ApiException e, int status, String field) throws Exception {
        assertThat(e).as("a %d was expected", status).isNotNull();
        assertThat(e.getCode()).as(e.getResponseBody()).isEqualTo(status);
        if (field != null) {
            assertThat(JSON.readTree(e.getResponseBody()).get("field").asString()).isEqualTo(field);
        }
    }

    @Test
    void aGeneratedClientDrivesTheApiAndGetsEachDocumentedProblem() throws Exception {
        assertThat(new DatasetsApi(client).listDatasets()).extracting("name").contains("capitals");

        Breakdown breakdown = new ExplorerApi(client).breakdown(new BreakdownRequest()
                .prompt("Name the capital of India.").response("It is New Delhi.").checkpoint("base"));
        assertThat(breakdown.getTokens()).isNotEmpty();
        assertThat(breakdown.getTotals()).containsKeys("pretraining", "instruction");

        ComparisonsApi comparisons = new ComparisonsApi(client);
        ApiResponse<SubmissionResponse> submitted = comparisons.submitWithHttpInfo(tiny(System.nanoTime() % 100_000, 4));
        assertThat(submitted.getStatusCode()).isEqualTo(202);
        long id = submitted.getData().getId();
        long deadline = System.nanoTime() + 180_000_000_000L;
        ComparisonView view = comparisons.get(id);
        while (view.getStatus() != ComparisonView.StatusEnum.FINISHED && System.nanoTime() < deadline) {
            Thread.sleep(250);
            view = comparisons.get(id);
        }
        assertThat(view.getStatus()).isEqualTo(ComparisonView.StatusEnum.FINISHED);
        assertThat(view.getLanes()).allSatisfy(lane -> assertThat(lane.getMetrics()).isNotEmpty());
        assertThat(comparisons.listComparisons(0, 100).getComparisons()).extracting("id").contains(id);

        SubmissionResponse another = comparisons.submit(tiny(System.nanoTime() % 100_000 + 100_000, 200));
        ApiClient stranger = new ApiClient();
        stranger.updateBaseUri("http://localhost:" + port);
        assertProblem(catchThrowableOfType(ApiException.class, () -> new ComparisonsApi(stranger)
                .cancel(another.getId(), null)), 403, "owner");
        assertThat(new ComparisonsApi(stranger).cancelWithHttpInfo(another.getId(), another.getOwnerToken())
                .getStatusCode()).as("the owner token alone, as a script would send it").isEqualTo(202);

        List<SubmissionResponse> waiting = new ArrayList<>();
        ApiException full = null;
        for (int i = 0; i <= 3 && full == null; i++) {
            try {
                waiting.add(comparisons.submit(tiny(200_000 + i + System.nanoTime() % 100_000, 200)));
            } catch (ApiException e) {
                full = e;
            }
        }
        assertProblem(full, 429, "queue");
        for (SubmissionResponse run : waiting) {
            comparisons.cancel(run.getId(), run.getOwnerToken());
        }

        assertProblem(catchThrowableOfType(ApiException.class, () -> comparisons.get(987_654L)), 404, null);
        assertProblem(catchThrowableOfType(ApiException.class, () -> comparisons.listComparisons(0, 0)), 400, "size");
        assertProblem(catchThrowableOfType(ApiException.class, () -> comparisons.submit(tiny(1, 0))), 400, "steps");
        assertProblem(catchThrowableOfType(ApiException.class, () -> new ExplorerApi(client).breakdown(
                new BreakdownRequest().prompt(" ").response("r"))), 400, "prompt");
        assertProblem(catchThrowableOfType(ApiException.class, () -> new ExplorerApi(client).breakdown(
                new BreakdownRequest().prompt("x".repeat(70_000)).response("r"))), 413, null);
        ApiClient plainText = new ApiClient();
        plainText.updateBaseUri("http://localhost:" + port);
        plainText.setRequestInterceptor(request -> request.setHeader("Content-Type", "text/plain"));
        assertProblem(catchThrowableOfType(ApiException.class, () -> new ExplorerApi(plainText).breakdown(
                new BreakdownRequest().prompt("p").response("r"))), 415, null);

        ClassPollsApi polls = new ClassPollsApi(client);
        ClassState session = polls.open();
        assertProblem(catchThrowableOfType(ApiException.class, () -> polls.vote(session.getCode(),
                new VoteRequest().question("predict-lowest-response").choice(0))), 409, "question");
        polls.control(session.getCode(), new ControlRequest().action(ControlRequest.ActionEnum.GO).step(4));
        polls.vote(session.getCode(), new VoteRequest().question("predict-lowest-response").choice(1));
        assertThat(polls.state(session.getCode()).getPoll().getAnswered()).isEqualTo(1);
        assertProblem(catchThrowableOfType(ApiException.class, () -> polls.vote(session.getCode(),
                new VoteRequest().question("predict-lowest-response").choice(5))), 400, "choice");
        assertProblem(catchThrowableOfType(ApiException.class, () -> polls.state("AAAAA")), 404, "code");
        assertProblem(catchThrowableOfType(ApiException.class, () -> new ClassPollsApi(stranger).control(
                session.getCode(), new ControlRequest().action(ControlRequest.ActionEnum.LOCK))), 403, "presenter");

        MysteriesApi mysteries = new MysteriesApi(client);
        String mystery = String.valueOf(mysteries.startMysteryWithHttpInfo().getData().getId());
        assertThat(mysteries.getMystery(mystery).getYours()).isTrue();
        assertProblem(catchThrowableOfType(ApiException.class, () -> new MysteriesApi(stranger).answerMystery(mystery,
                new MysteryAnswer().bug(MysteryAnswer.BugEnum.MASK_DROPPED))), 403, "id");
        assertProblem(catchThrowableOfType(ApiException.class, () -> mysteries.getMystery("987654")), 404, "id");
    }
}
