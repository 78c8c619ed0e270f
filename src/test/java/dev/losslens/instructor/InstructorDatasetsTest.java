package dev.losslens.instructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.losslens.comparison.ComparisonConfig;
import dev.losslens.comparison.ComparisonService;
import dev.losslens.comparison.ComparisonStatus;
import dev.losslens.comparison.ComparisonStore;
import dev.losslens.comparison.OwnerSecret;
import dev.losslens.dataset.DatasetUpload;
import dev.losslens.dataset.DatasetUploads;
import dev.losslens.dataset.UploadFile;
import dev.losslens.model.ModelPreset;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.system.rejection.RejectedRequestException;
import dev.losslens.training.LaneSpec;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Instructors' datasets through the web layer: only signed-in instructors upload, and an upload is then everyone's;
 * every kind of bad upload is refused with a clear 4xx and stores nothing; pairs are text; only the uploader (or an
 * administrator) deletes, and runs outlive their dataset.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:instructor-datasets;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class InstructorDatasetsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RequestPostProcessor JO = user("jo").roles("INSTRUCTOR");
    private static final RequestPostProcessor SAM = user("sam").roles("INSTRUCTOR");
    private static final RequestPostProcessor ADMIN = user("admin").roles("ADMINISTRATOR");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DatasetUploads uploads;

    @Autowired
    ComparisonService comparisons;

    @Autowired
    ComparisonStore store;

    private static String pairs(String topic, int count) {
        return IntStream.range(0, count).mapToObj(i -> "{\"prompt\": \"%s question %d?\", \"response\": \"answer %d\"}"
                .formatted(topic, i, i)).collect(Collectors.joining("\n", "", "\n"));
    }

    private static MockMultipartFile file(String part, byte[] content) {
        return new MockMultipartFile(part, part + ".jsonl", "application/jsonl", content);
    }

    private static MockMultipartFile file(String part, String content) {
        return file(part, content.getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs the upload form as a browser does: multipart, with its CSRF token. */
    private MvcTestResult post(String path, RequestPostProcessor who, List<String> fields, MockMultipartFile... files) {
        var request = mvc.post().uri(path).multipart();
        for (MockMultipartFile file : files) {
            request = request.file(file);
        }
        for (int i = 0; i < fields.size(); i += 2) {
            request = request.param(fields.get(i), fields.get(i + 1));
        }
        request = request.with(csrf());
        return who == null ? request.exchange() : request.with(who).exchange();
    }

    private long datasets() {
        return jdbc.sql("select count(*) from uploaded_dataset").query(Long.class).single();
    }

    private long storedPairs() {
        return jdbc.sql("select count(*) from uploaded_pair").query(Long.class).single();
    }

    private static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static JsonNode json(MvcTestResult result) throws Exception {
        return JSON.readTree(body(result));
    }

    @Test
    void anonymousVisitorsAreSentToSignInOrRefusedAndNothingIsStored() throws Exception {
        long before = datasets();
        MvcTestResult page = post("/instructor/datasets", null, List.of("title", "Sneaky"), file("train", pairs("s", 5)));
        assertThat(page).hasStatus(302);
        assertThat(page.getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(mvc.get().uri("/instructor/datasets").exchange().getResponse().getRedirectedUrl()).endsWith("/login");
        for (String path : List.of("/api/instructor/datasets", "/api/instructor/datasets/check")) {
            MvcTestResult api = post(path, null, List.of("title", "Sneaky"), file("train", pairs("s", 5)));
            assertThat(api).as(path).hasStatus(401);
            assertThat(api.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
        assertThat(mvc.delete().uri("/api/instructor/datasets/anything").exchange()).hasStatus(401);
        assertThat(mvc.get().uri("/api/instructor/datasets").exchange()).hasStatus(401);
        assertThat(datasets()).isEqualTo(before);
    }

    @Test
    void anInstructorsUploadIsOfferedToEveryoneInTheExplorerTheLabAndTheApi() throws Exception {
        assertThat(mvc.get().uri("/instructor").with(JO).exchange().getResponse().getContentAsString())
                .contains("href=\"/instructor/datasets\"");
        MvcTestResult form = mvc.get().uri("/instructor/datasets").with(JO).exchange();
        assertThat(form).hasStatusOk();
        assertThat(body(form)).contains("enctype=\"multipart/form-data\"", "name=\"_csrf\"", "2 MB", "5000 lines",
                "600 characters", "128 tokens");

        MvcTestResult uploaded = post("/instructor/datasets", JO, List.of("title", "Course FAQ", "description",
                "Questions from last term", "heldoutFrom", "split", "heldoutShare", "0.2", "seed", "11"),
                file("train", pairs("faq", 20)));
        assertThat(uploaded).hasStatus(302);
        assertThat(uploaded.getResponse().getRedirectedUrl()).isEqualTo("/instructor/datasets/course-faq?uploaded");
        assertThat(jdbc.sql("select owner, split_seed, heldout_share, train_pairs, heldout_pairs from uploaded_dataset "
                        + "where slug = 'course-faq'").query((row, n) -> row.getString(1) + " " + row.getLong(2) + " "
                        + row.getDouble(3) + " " + row.getInt(4) + " " + row.getInt(5)).single())
                .isEqualTo("jo 11 0.2 16 4");
        assertThat(jdbc.sql("select count(*) from audit_event where actor = 'jo' and action = 'upload-dataset' "
                + "and subject = 'course-faq'").query(Long.class).single()).isEqualTo(1);

        MvcTestResult shown = mvc.get().uri("/instructor/datasets/course-faq?uploaded").with(JO).exchange();
        assertThat(shown).hasStatusOk();
        assertThat(body(shown)).contains("Course FAQ", "faq question 0?", "a split: share 0.2, seed 11");

        // anonymous learners see it everywhere the bundled datasets are
        assertThat(body(mvc.get().uri("/explore").exchange())).contains("<option value=\"course-faq\"",
                "Uploaded by instructors");
        MvcTestResult explored = mvc.get().uri("/explore?dataset=course-faq").exchange();
        assertThat(explored).hasStatusOk();
        assertThat(body(explored)).contains("faq question 0?");
        assertThat(body(mvc.get().uri("/runs/new").exchange())).contains("<option value=\"course-faq\"");
        assertThat(body(mvc.get().uri("/runs/new?dataset=course-faq").exchange()))
                .containsPattern("<option value=\"course-faq\"[^>]*selected");
        JsonNode listed = json(mvc.get().uri("/api/datasets").exchange());
        assertThat(listed.get(0).get("name").asString()).isEqualTo("capitals");
        assertThat(listed.valueStream().filter(d -> d.get("name").asString().equals("course-faq")).findFirst())
                .hasValueSatisfying(d -> {
                    assertThat(d.get("origin").asString()).isEqualTo("uploaded");
                    assertThat(d.get("train").asInt()).isEqualTo(16);
                    assertThat(d.get("heldout").asInt()).isEqualTo(4);
                });
        assertThat(json(mvc.get().uri("/api/datasets/course-faq/pairs?split=heldout").exchange()).size()).isEqualTo(4);
    }

    @Test
    void everyAbuseIsRefusedWithAClear4xxAndNothingIsStored() throws Exception {
        long datasets = datasets();
        long pairs = storedPairs();

        byte[] oneLine = ("{\"prompt\": \"" + "z".repeat(5 * 1024 * 1024) + "\", \"response\": \"b\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        JsonNode large = refused(413, List.of("title", "Huge"), file("train", oneLine));
        assertThat(large.get("detail").asString()).isEqualTo("train is larger than 2 MB");

        StringBuilder million = new StringBuilder(2_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            million.append("1\n");
        }
        JsonNode many = refused(400, List.of("title", "Many"), file("train", million.toString()));
        assertThat(many.get("lines").get(0).get("message").asString())
                .isEqualTo("train has more than 5000 lines (blank lines aside); reading stopped at line 5001");
        assertThat(many.get("lines").size()).as("the file's fault, then the first bad lines").isEqualTo(101);
        assertThat(many.at("/lines/1/message").asString())
                .isEqualTo("is a number, not a JSON object with \"prompt\" and \"response\"");
        assertThat(many.get("moreLines").asInt()).isEqualTo(4900);

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        assertThat(refused(400, List.of("title", "Picture"), file("train", png)).get("lines").get(0).get("message")
                .asString()).isEqualTo("train is a PNG file, not text: upload UTF-8 JSONL, one JSON object per line");

        byte[] latin1 = (pairs("l", 3) + "{\"prompt\": \"café\", \"response\": \"b\"}\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        JsonNode utf8 = refused(400, List.of("title", "Latin"), file("train", latin1));
        assertThat(utf8.at("/lines/0/line").asInt()).isEqualTo(4);
        assertThat(utf8.at("/lines/0/message").asString()).isEqualTo("not valid UTF-8 (byte 16 of the line)");

        JsonNode fields = refused(400, List.of("title", "Fields"), file("train", pairs("f", 3)
                + "{\"prompt\": \"a\", \"response\": \"b\", \"weight\": 2}\n{\"prompt\": \"only\"}\n"));
        assertThat(fields.get("lines").valueStream().map(line -> line.get("line").asInt() + ": "
                + line.get("message").asString()).toList()).containsExactly(
                "4: has a field \"weight\"; a pair has only \"prompt\" and \"response\"", "5: has no \"response\"");
        assertThat(fields.get("detail").asString()).isEqualTo("Bad lines in train: 2. Nothing was stored");

        for (String slug : List.of("../../etc/passwd", "a/b", "a\\b", "con\u0000trol")) {
            JsonNode path = refused(400, List.of("title", "Fine", "slug", slug), file("train", pairs("p", 3)));
            assertThat(path.get("field").asString()).as(slug).isEqualTo("slug");
            assertThat(path.get("detail").asString())
                    .isEqualTo("slug must be 2 to 40 lower-case letters, digits and single dashes, like course-faq");
        }
        JsonNode title = refused(400, List.of("title", "../etc/passwd"), file("train", pairs("p", 3)));
        assertThat(title.get("detail").asString()).isEqualTo("title may not hold /, \\ or control characters");

        // the page says the same beside its controls, and lists the lines
        MvcTestResult page = post("/instructor/datasets", JO, List.of("title", "Fields", "slug", "../x"),
                file("train", pairs("f", 3) + "{\"prompt\": \"a\", \"response\": \"b\", \"weight\": 2}\n"));
        assertThat(page).hasStatus(400);
        assertThat(body(page)).contains("Nothing was stored", "Training file, line 4",
                "has a field &quot;weight&quot;", "Id must be 2 to 40 lower-case letters", "value=\"Fields\"");

        assertThat(datasets()).isEqualTo(datasets);
        assertThat(storedPairs()).isEqualTo(pairs);
    }

    /** Uploads through the API as jo, expecting a refusal; answers its problem. */
    private JsonNode refused(int status, List<String> fields, MockMultipartFile... files) throws Exception {
        MvcTestResult result = post("/api/instructor/datasets", JO, fields, files);
        assertThat(result).as(body(result)).hasStatus(status);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        return json(result);
    }

    @Test
    void markupInPairsIsStoredAsTextAndEscapedWhereverItIsShown() throws Exception {
        String evil = "{\"prompt\": \"<script>alert('pwned')</script> What?\", \"response\": \"<img src=x onerror=alert(1)>\"}\n";
        MvcTestResult uploaded = post("/api/instructor/datasets", JO, List.of("title", "<b>Markup & co",
                "slug", "markup"), file("train", evil + pairs("m", 4)), file("heldout", pairs("h", 2)));
        assertThat(uploaded).as(body(uploaded)).hasStatus(201);
        assertThat(uploaded.getResponse().getHeader("Location")).isEqualTo("/api/instructor/datasets/markup");
        assertThat(json(uploaded).at("/pairs/0/prompt").asString()).isEqualTo("<script>alert('pwned')</script> What?");

        for (MvcTestResult page : List.of(mvc.get().uri("/explore?dataset=markup").exchange(),
                mvc.get().uri("/instructor/datasets/markup").with(JO).exchange(),
                mvc.get().uri("/instructor/datasets").with(JO).exchange(), mvc.get().uri("/runs/new").exchange())) {
            String html = body(page);
            assertThat(html).doesNotContain("<script>alert", "<img src=x", "<b>Markup");
            assertThat(html).containsAnyOf("&lt;script&gt;alert", "&lt;b&gt;Markup &amp; co");
        }
    }

    @Test
    void onlyTheUploaderOrAnAdministratorDeletesAndAnEarlierRunStillRenders() throws Exception {
        assertThat(post("/api/instructor/datasets", JO, List.of("title", "Doomed", "heldoutFrom", "file"),
                file("train", pairs("d", 12)), file("heldout", pairs("e", 3)))).hasStatus(201);
        long run = finishedRunOn("doomed");

        MvcTestResult notYours = mvc.post().uri("/instructor/datasets/doomed/delete").with(SAM).with(csrf()).exchange();
        assertThat(notYours).hasStatus(403);
        assertThat(body(notYours)).contains("Only jo, who uploaded");
        assertThat(mvc.delete().uri("/api/instructor/datasets/doomed").with(SAM).with(csrf()).exchange())
                .hasStatus(403);
        assertThat(mvc.post().uri("/instructor/datasets/doomed/delete").with(JO)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).exchange()).as("a form without its token")
                .hasStatus(403);
        assertThat(body(mvc.get().uri("/api/datasets").exchange())).contains("\"doomed\"");
        assertThat(body(mvc.get().uri("/instructor/datasets").with(SAM).exchange()))
                .doesNotContain("/instructor/datasets/doomed/delete");
        assertThat(body(mvc.get().uri("/instructor/datasets").with(JO).exchange()))
                .contains("/instructor/datasets/doomed/delete", "<details class=\"confirm\"");

        MvcTestResult deleted = mvc.post().uri("/instructor/datasets/doomed/delete").with(JO).with(csrf()).exchange();
        assertThat(deleted).hasStatus(302);
        assertThat(deleted.getResponse().getRedirectedUrl()).isEqualTo("/instructor/datasets?deleted=doomed");
        assertThat(jdbc.sql("select count(*) from uploaded_pair p join uploaded_dataset d on d.id = p.dataset_id "
                + "where d.slug = 'doomed'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select deleted_by from uploaded_dataset where slug = 'doomed'").query(String.class).single())
                .isEqualTo("jo");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'delete-dataset' and subject = 'doomed'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(body(mvc.get().uri("/api/datasets").exchange())).doesNotContain("\"doomed\"");
        assertThat(mvc.get().uri("/api/datasets/doomed/pairs").exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/explore?dataset=doomed").exchange()).hasStatus(404);

        MvcTestResult page = mvc.get().uri("/runs/" + run).exchange();
        assertThat(page).hasStatusOk();
        assertThat(body(page)).contains("The dataset doomed has been deleted since", "href=\"/explore?checkpoint=");
        assertThat(json(mvc.get().uri("/api/comparisons/" + run).exchange()).get("status").asString())
                .isEqualTo("finished");

        // its id stays taken, so the run keeps meaning the pairs it trained on
        JsonNode again = refused(409, List.of("title", "Doomed"), file("train", pairs("z", 5)));
        assertThat(again.get("detail").asString()).startsWith("The id 'doomed' belonged to a dataset deleted since");

        // an administrator deletes anyone's
        assertThat(post("/api/instructor/datasets", SAM, List.of("title", "Sams"), file("train", pairs("s", 5))))
                .hasStatus(201);
        assertThat(mvc.delete().uri("/api/instructor/datasets/sams").with(ADMIN).with(csrf()).exchange())
                .hasStatus(204);
        assertThat(mvc.delete().uri("/api/instructor/datasets/sams").with(ADMIN).with(csrf()).exchange())
                .hasStatus(404);
    }

    private long finishedRunOn(String dataset) throws Exception {
        MvcTestResult submitted = mvc.post().uri("/api/comparisons").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"dataset": "%s", "model": "tiny", "steps": 2, "learningRate": 0.001, "batchSize": 2,
                         "seed": 3, "evalEvery": 1, "lanes": [{"objective": "pretraining", "init": "scratch"},
                         {"objective": "instruction", "init": "scratch"}]}""".formatted(dataset)).exchange();
        assertThat(submitted).as(body(submitted)).hasStatus(202);
        long id = json(submitted).get("id").asLong();
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (!store.find(id).orElseThrow().status().done() && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ComparisonStatus.FINISHED);
        return id;
    }

    @Test
    void aQueuedRunWhoseDatasetWasDeletedFailsSayingSo() throws Exception {
        assertThat(post("/api/instructor/datasets", JO, List.of("title", "Fleeting"), file("train", pairs("f", 8))))
                .hasStatus(201);
        assertThat(mvc.delete().uri("/api/instructor/datasets/fleeting").with(JO).with(csrf()).exchange())
                .hasStatus(204);
        // as if it had been queued a moment before the deletion
        ComparisonConfig config = new ComparisonConfig("fleeting", ModelPreset.TINY, 2, 1e-3, 2, 5, 1, List.of(
                new ComparisonConfig.LaneConfig(ObjectiveKind.PRETRAINING, 1, LaneSpec.Init.SCRATCH),
                new ComparisonConfig.LaneConfig(ObjectiveKind.INSTRUCTION, 0, LaneSpec.Init.SCRATCH)));
        long id = store.insert(config, List.of("a", "b"), ComparisonStatus.QUEUED, null, "test",
                OwnerSecret.generate());
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (!store.find(id).orElseThrow().status().done() && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ComparisonStatus.FAILED);
        assertThat(comparisons.view(id).message())
                .isEqualTo("Not trained: the dataset 'fleeting' was deleted before the run started");
        MvcTestResult page = mvc.get().uri("/runs/" + id).exchange();
        assertThat(page).hasStatusOk();
        assertThat(body(page)).contains("the dataset &#39;fleeting&#39; was deleted before the run started");
        // and the lab no longer takes it
        MvcTestResult again = mvc.post().uri("/api/comparisons").contentType(MediaType.APPLICATION_JSON)
                .content("{\"dataset\": \"fleeting\", \"lanes\": [{\"objective\": \"pretraining\"}, "
                        + "{\"objective\": \"instruction\"}]}").exchange();
        assertThat(again).hasStatus(404);
    }

    @Test
    void twoUploadsOfOneIdAtOnceOneWinsAndTheOtherIsAConflict() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<String>> both = new ArrayList<>();
        for (String owner : List.of("jo", "sam")) {
            both.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return uploads.store(new DatasetUpload("Race", "race", "", "", "", "", text(pairs(owner, 300)),
                            null), owner).owner();
                } catch (RejectedRequestException refused) {
                    // the loser is refused either at the availability check or at the unique key, whichever it reaches
                    return refused.status().value() + " " + refused.rejections().get(0).code();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        List<String> outcomes = both.stream().map(CompletableFuture::join).toList();
        assertThat(outcomes).filteredOn(outcome -> outcome.startsWith("409")).containsExactly("409 dataset.slug.taken");
        assertThat(outcomes).filteredOn(outcome -> !outcome.startsWith("409")).hasSize(1);
        assertThat(jdbc.sql("select count(*) from uploaded_dataset where slug = 'race'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from uploaded_pair p join uploaded_dataset d on d.id = p.dataset_id "
                + "where d.slug = 'race'").query(Long.class).single()).isEqualTo(300);

        JsonNode conflict = refused(409, List.of("title", "Race"), file("train", pairs("x", 4)));
        assertThat(conflict.get("field").asString()).isEqualTo("slug");
        assertThat(conflict.get("detail").asString())
                .isEqualTo("A dataset with the id 'race' exists already; choose another id");
        assertThat(refused(409, List.of("title", "Capitals"), file("train", pairs("c", 4))).get("detail").asString())
                .isEqualTo("'capitals' is the id of a bundled dataset; choose another id");
    }

    private static UploadFile text(String content) {
        return new UploadFile() {
            @Override
            public boolean present() {
                return true;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    @Test
    void theApiChecksWithoutStoringListsAndPreviews() throws Exception {
        long before = datasets();
        MvcTestResult checked = post("/api/instructor/datasets/check", JO, List.of("title", "Only checked"),
                file("train", pairs("c", 30)));
        assertThat(checked).hasStatusOk();
        JsonNode preview = json(checked);
        assertThat(preview.get("name").asString()).isEqualTo("only-checked");
        assertThat(preview.get("train").asInt() + preview.get("heldout").asInt()).isEqualTo(30);
        assertThat(preview.get("pairs").size()).isEqualTo(10 + 3);
        assertThat(preview.at("/pairs/0/tokens").asInt()).isPositive();
        assertThat(preview.at("/pairs/0/line").asInt()).isPositive();
        assertThat(datasets()).isEqualTo(before);

        MvcTestResult page = post("/instructor/datasets", JO, List.of("title", "Only checked", "action", "check"),
                file("train", pairs("c", 30)));
        assertThat(page).hasStatusOk();
        assertThat(body(page)).contains("The files are fine", "Nothing is stored yet", "c question 0?");
        assertThat(datasets()).isEqualTo(before);

        assertThat(post("/api/instructor/datasets", JO, List.of("title", "Listed one"), file("train", pairs("l", 6))))
                .hasStatus(201);
        JsonNode listed = json(mvc.get().uri("/api/instructor/datasets").with(SAM).exchange());
        assertThat(listed.valueStream().filter(d -> d.get("name").asString().equals("listed-one")).findFirst())
                .hasValueSatisfying(d -> assertThat(d.get("owner").asString()).isEqualTo("jo"));
        assertThat(json(mvc.get().uri("/api/instructor/datasets/listed-one").with(SAM).exchange()).get("train").asInt())
                .isEqualTo(5);
        assertThat(mvc.get().uri("/api/instructor/datasets/nope").with(SAM).exchange()).hasStatus(404);
    }
}
