package dev.losslens.instructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.losslens.quiz.authored.AuthoredQuestions;
import dev.losslens.quiz.authored.Question;
import dev.losslens.quiz.progress.LearnerCookie;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Instructors' questions through the API and the pages, as a browser or a client sees them: only instructors write
 * them, only their authors (or an administrator) change them, every bad input is a clear 4xx that stores nothing,
 * and learners answer them in the quiz, graded and counted like the bundled ones. Each test writes as instructors
 * of its own, so the cap (12 here) counts only its questions.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:instructor-questions;DB_CLOSE_DELAY=-1",
        "losslens.questions.per-instructor=12"})
@AutoConfigureMockMvc
class InstructorQuestionsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String API = "/api/instructor/questions";
    private static final String CHOICE = """
            {"kind": "choice", "title": "Which tokens", "text": "Under instruction fine-tuning, which tokens carry loss?",
             "options": [{"text": "The response and end-of-text", "correct": true, "feedback": "Right."},
                         {"text": "Every token", "correct": false, "feedback": "That is pre-training."},
                         {"text": "The prompt only", "correct": false}],
             "feedback": "The prompt is read, never scored."}""";
    private static final String MULTIPLE = """
            {"kind": "multiple", "text": "Which are targets under pre-training?",
             "options": [{"text": "response tokens", "correct": true}, {"text": "prompt tokens", "correct": true},
                         {"text": "the first token", "correct": false, "feedback": "Nothing predicts it."}]}""";
    private static final String TRUE_FALSE = """
            {"kind": "true-false", "text": "The prompt is a target under instruction fine-tuning.", "truth": false,
             "ifTrue": "It is read, not scored.", "ifFalse": "Right: it is read only.", "feedback": "See the mask."}""";
    private static final String NUMERIC = """
            {"kind": "numeric", "text": "What is ln 2, to two decimals?", "answer": 0.69, "tolerance": 0.005,
             "feedback": "−log 0.5 = ln 2."}""";
    private static final String MARK = """
            {"kind": "mark-targets", "objective": "instruction", "prompt": "Capital of France?", "response": "Paris",
             "feedback": "Only the response side counts."}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuthoredQuestions store;

    private static RequestPostProcessor instructor(String name) {
        return user(name).roles("INSTRUCTOR");
    }

    private static RequestPostProcessor administrator() {
        return user("root").roles("ADMINISTRATOR");
    }

    private int stored(String author) {
        return jdbc.sql("select count(*) from instructor_question where author = ?").param(author)
                .query(Integer.class).single();
    }

    private int stored() {
        return jdbc.sql("select count(*) from instructor_question").query(Integer.class).single();
    }

    private MvcTestResult post(String uri, String json, RequestPostProcessor as) {
        return mvc.post().uri(uri).with(as).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json)
                .exchange();
    }

    private MvcTestResult put(long id, String json, RequestPostProcessor as) {
        return mvc.put().uri(API + "/" + id).with(as).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(json).exchange();
    }

    private static JsonNode json(MvcTestResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private long create(String json, String author) throws Exception {
        MvcTestResult created = post(API, json, instructor(author));
        assertThat(created).as(created.getResponse().getContentAsString()).hasStatus(201);
        return json(created).get("id").asLong();
    }

    /** A rejection's field and message, after checking it is a 4xx problem. */
    private JsonNode problem(MvcTestResult result, int status) throws Exception {
        assertThat(result).as(result.getResponse().getContentAsString()).hasStatus(status);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        return json(result);
    }

    private String page(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anonymousVisitorsAndLearnersAreRefusedAndNothingIsStored() throws Exception {
        int before = stored();
        Cookie learner = mvc.get().uri("/api/quiz/items/contrast-team-phases").exchange().getResponse()
                .getCookie(LearnerCookie.NAME);
        for (String path : List.of("/instructor/questions", "/instructor/questions/new?kind=numeric",
                "/instructor/questions/import", "/instructor/questions/1")) {
            MvcTestResult anonymous = mvc.get().uri(path).cookie(learner).exchange();
            assertThat(anonymous).as(path).hasStatus(302);
            assertThat(anonymous.getResponse().getRedirectedUrl()).as(path).endsWith("/login");
        }
        assertThat(mvc.post().uri("/instructor/questions").cookie(learner).with(csrf()).param("kind", "true-false")
                .param("text", "Sneaky").param("truth", "true").param("action", "save").exchange()).hasStatus(302);
        for (String path : List.of(API, API + "/1", API + "/export.gift", API + "/export.xml")) {
            problem(mvc.get().uri(path).cookie(learner).exchange(), 401);
        }
        problem(mvc.post().uri(API).cookie(learner).contentType(MediaType.APPLICATION_JSON).content(TRUE_FALSE)
                .exchange(), 401);
        problem(mvc.post().uri(API + "/import").contentType(MediaType.TEXT_PLAIN).content("Sneaky {T}").exchange(),
                401);
        problem(mvc.delete().uri(API + "/1").exchange(), 401);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anInstructorWritesEachKindThroughTheApiAndLearnersSeeItWithoutItsAnswer() throws Exception {
        for (String question : List.of(CHOICE, MULTIPLE, TRUE_FALSE, NUMERIC, MARK)) {
            long id = create(question, "ana");
            JsonNode stored = json(mvc.get().uri(API + "/" + id).with(instructor("ana")).exchange());
            String item = stored.get("item").asString();
            assertThat(item).isEqualTo("instructors." + id);
            assertThat(stored.get("author").asString()).isEqualTo("ana");
            JsonNode sent = JSON.readTree(question);
            assertThat(stored.get("question").get("kind").asString()).isEqualTo(sent.get("kind").asString());

            String shown = mvc.get().uri("/api/quiz/items/" + item).exchange().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(shown).as(item).doesNotContain("correct", "feedback", "Right.", "0.69\"");
        }
        assertThat(json(mvc.get().uri(API).with(instructor("ana")).exchange())).hasSize(5);
        assertThat(json(mvc.get().uri(API).with(instructor("ben")).exchange())).as("another's list").isEmpty();

        JsonNode mark = json(mvc.get().uri("/api/quiz/items/instructors." + json(mvc.get().uri(API)
                .with(instructor("ana")).exchange()).get(4).get("id").asLong()).exchange());
        assertThat(mark.get("kind").asString()).isEqualTo("mark-targets");
        assertThat(mark.get("tokens").size()).as("the real tokenization of the pair").isGreaterThan(5);

        JsonNode preview = json(post(API + "/preview", NUMERIC, instructor("ana")));
        assertThat(preview.get("view").get("question").asString()).isEqualTo("What is ln 2, to two decimals?");
        assertThat(preview.get("view").get("tolerance").asDouble()).isEqualTo(0.005);
        assertThat(stored("ana")).as("a preview stores nothing").isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from audit_event where actor = 'ana' and action = 'add-question'")
                .query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void anInstructorEditsAndDeletesTheirOwnAndOnlyTheirOwnUnlessAdministrator() throws Exception {
        long id = create(CHOICE, "cleo");
        String edited = CHOICE.replace("Which tokens\"", "Tokens that count\"");
        MvcTestResult changed = put(id, edited, instructor("cleo"));
        assertThat(changed).hasStatusOk();
        assertThat(json(changed).get("question").get("title").asString()).isEqualTo("Tokens that count");

        problem(put(id, TRUE_FALSE, instructor("dan")), 403);
        problem(mvc.delete().uri(API + "/" + id).with(instructor("dan")).with(csrf()).exchange(), 403);
        assertThat(mvc.get().uri("/instructor/questions/" + id + "/edit").with(instructor("dan")).exchange())
                .hasStatus(403);
        assertThat(mvc.post().uri("/instructor/questions/" + id).with(instructor("dan")).with(csrf())
                .param("kind", "true-false").param("text", "Mine now").param("truth", "true").param("action", "save")
                .exchange()).hasStatus(403);
        assertThat(mvc.post().uri("/instructor/questions/" + id + "/delete").with(instructor("dan")).with(csrf())
                .exchange()).hasStatus(403);
        assertThat(store.find(id).orElseThrow().question().title()).as("unchanged by the refusals")
                .isEqualTo("Tokens that count");
        assertThat(page(mvc.get().uri("/instructor/questions").with(instructor("dan")).exchange()))
                .doesNotContain("Tokens that count");

        assertThat(put(id, NUMERIC, administrator())).as("an administrator changes anyone's").hasStatusOk();
        assertThat(store.find(id).orElseThrow().question().kind()).isEqualTo("numeric");
        assertThat(page(mvc.get().uri("/instructor/questions").with(administrator()).exchange()))
                .as("an administrator lists everyone's, with their author").contains("What is ln 2", "cleo");
        assertThat(mvc.delete().uri(API + "/" + id).with(instructor("cleo")).with(csrf()).exchange()).hasStatus(204);
        problem(mvc.get().uri(API + "/" + id).with(instructor("cleo")).exchange(), 404);
        problem(mvc.delete().uri(API + "/" + id).with(instructor("cleo")).with(csrf()).exchange(), 404);
        assertThat(jdbc.sql("select action from audit_event where subject like ? order by id")
                .param("#" + id + " %").query(String.class).list())
                .containsExactly("add-question", "edit-question", "edit-question", "delete-question");
    }

    @Test
    void everyBadInputIsAClear4xxNamingItsFieldAndStoresNothing() throws Exception {
        int before = stored("eve");
        var eve = instructor("eve");
        record Bad(String json, String field, String says) {
        }
        String options = "{\"text\": \"o\", \"correct\": false}, ".repeat(11);
        List<Bad> bads = List.of(
                new Bad("{}", "kind", "kind is missing"),
                new Bad("{\"kind\": \"essay\", \"text\": \"Why?\"}", "kind", "kind must be one of choice, multiple"),
                new Bad(CHOICE.replace("Under instruction fine-tuning, which tokens carry loss?", "   "), "text",
                        "text must not be empty"),
                new Bad(CHOICE.replace("Under instruction", "x".repeat(1000)), "text",
                        "text has 1038 characters; the limit is 1000"),
                new Bad(NUMERIC.replace("0.005", "-0.5"), "tolerance", "tolerance must be 0 or more"),
                new Bad(NUMERIC.replace("0.69", "1e400"), "answer", "answer must be a finite number"),
                new Bad(NUMERIC.replace("\"answer\": 0.69,", ""), "answer", "answer is missing"),
                new Bad(NUMERIC.replace("0.69", "NaN"), "body", "not valid JSON"),
                new Bad(NUMERIC.replace("0.69", "\"lots\""), "answer", "'answer' has the wrong type"),
                new Bad(TRUE_FALSE.replace("false,", "\"maybe\","), "truth", "'truth' has the wrong type"),
                new Bad(TRUE_FALSE.replace("\"truth\": false,", ""), "truth", "truth is missing"),
                new Bad(CHOICE.replace("\"correct\": false, \"feedback\": \"That", "\"correct\": true, \"feedback\": \"That"),
                        "options", "exactly one right option; this one has 2"),
                new Bad(MULTIPLE.replace("true", "false"), "options", "at least one right option"),
                new Bad("{\"kind\": \"choice\", \"text\": \"One?\", \"options\": [{\"text\": \"a\", \"correct\": true}]}",
                        "options", "2 to 10 options; this one has 1"),
                new Bad("{\"kind\": \"choice\", \"text\": \"Many?\", \"options\": [" + options
                        + "{\"text\": \"p\", \"correct\": true}]}", "options", "2 to 10 options; this one has 12"),
                new Bad(CHOICE.replace("Every token", "The response and end-of-text"), "options[1].text",
                        "options[1].text repeats options[0].text"),
                new Bad(CHOICE.replace("Which tokens", "Two\\nlines"), "title", "title must be one line"),
                new Bad(CHOICE.replace("Which tokens", "a\\u0000b"), "title", "control character (code 0)"),
                new Bad(CHOICE.replace("Which tokens", "half \\ud800 a character"), "title", "lone UTF-16 surrogate"),
                new Bad(MARK.replace("Capital of France?", "λθ".repeat(100)), "prompt",
                        "the model's context is 128 tokens"),
                new Bad(MARK.replace("instruction", "weighted"), "lambda", "lambda is missing"),
                new Bad(MARK.replace("\"instruction\"", "\"weighted\", \"lambda\": 0"), "lambda",
                        "lambda must be above 0 and at most 1"),
                new Bad(MARK.replace("instruction", "everything"), "objective", "objective must be one of"),
                new Bad("{\"kind\": \"numeric\", ", "body", "not valid JSON"),
                new Bad("[1, 2]", "body", "is not valid JSON"));
        for (Bad bad : bads) {
            MvcTestResult refused = post(API, bad.json(), eve);
            assertThat(refused.getResponse().getStatus()).as(bad.json()).isEqualTo(400);
            JsonNode answer = problem(refused, 400);
            assertThat(answer.get("field").asString()).as(bad.json()).isEqualTo(bad.field());
            assertThat(answer.get("detail").asString() + answer.path("errors")).as(bad.json()).contains(bad.says());
        }
        problem(post(API, "{\"kind\": \"numeric\", \"text\": \"" + "x".repeat(70_000) + "\"}", eve), 413);
        assertThat(mvc.post().uri(API).with(eve).with(csrf()).contentType(MediaType.TEXT_PLAIN).content(NUMERIC)
                .exchange()).hasStatus(415);
        problem(mvc.get().uri(API + "/999999").with(eve).exchange(), 404);
        problem(put(999999, NUMERIC, eve), 404);
        problem(mvc.get().uri(API + "/twelve").with(eve).exchange(), 400);
        assertThat(mvc.get().uri("/instructor/questions/twelve").with(eve).exchange()).hasStatus(400);
        assertThat(mvc.get().uri("/instructor/questions/999999").with(eve).exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/instructor/questions/new?kind=essay").with(eve).exchange()).hasStatus(404);

        // several faults at once, each named
        JsonNode several = problem(post(API, "{\"kind\": \"numeric\", \"title\": \"a\\nb\", \"tolerance\": -1}", eve), 400);
        assertThat(several.get("errors").propertyNames()).containsExactly("title", "text", "answer", "tolerance");

        // a bad edit changes nothing that was stored
        long id = create(NUMERIC, "eve");
        problem(put(id, NUMERIC.replace("0.005", "-1"), eve), 400);
        assertThat(store.find(id).orElseThrow().question().tolerance()).isEqualTo(0.005);
        assertThat(stored("eve")).isEqualTo(before + 1);
    }

    @Test
    void textIsKeptAsWrittenAndShownAsText() throws Exception {
        String text = "<script>alert('x')</script> <b>bold?</b> Ünïcödé λ θ 🙂 עברית e\u0301 & \"quotes\"";
        long id = create(TRUE_FALSE.replace("The prompt is a target under instruction fine-tuning.",
                text.replace("\"", "\\\"")), "fay");
        assertThat(store.find(id).orElseThrow().question().text()).isEqualTo(text);
        for (String path : List.of("/instructor/questions", "/instructor/questions/" + id,
                "/instructor/questions/" + id + "/edit", "/quiz/run?set=instructors." + id + "&at=0")) {
            String shown = page(mvc.get().uri(path).with(instructor("fay")).exchange());
            assertThat(shown).as(path).doesNotContain("<script>alert", "<b>bold")
                    .contains("&lt;script&gt;alert(", "🙂", "עברית");
        }
    }

    @Test
    void thePagesWriteEachKindWithAPreviewAndFaultsBesideTheirControls() throws Exception {
        var gus = instructor("gus");
        for (String kind : List.of("choice", "multiple", "true-false", "numeric", "mark-targets")) {
            assertThat(mvc.get().uri("/instructor/questions/new?kind=" + kind).with(gus).exchange()).as(kind)
                    .hasStatusOk();
        }
        // the preview is the learner's own item template: options as radio buttons, nothing stored
        MvcTestResult preview = mvc.post().uri("/instructor/questions").with(gus).with(csrf()).param("kind", "choice")
                .param("text", "Which tokens carry loss?").param("options[0].text", "The response")
                .param("options[0].correct", "on").param("options[1].text", "The prompt")
                .param("options[2].text", "").param("action", "preview").exchange();
        assertThat(preview).hasStatusOk();
        assertThat(page(preview)).contains("Preview: the question as learners will see it", "name=\"choice\"",
                "type=\"radio\"", "The prompt");
        assertThat(stored("gus")).isZero();

        MvcTestResult wrong = mvc.post().uri("/instructor/questions").with(gus).with(csrf()).param("kind", "numeric")
                .param("text", "").param("answer", "NaN").param("tolerance", "-2").param("action", "save").exchange();
        assertThat(wrong).hasStatus(400);
        assertThat(page(wrong)).contains("Question text must not be empty", "Right answer must be a finite number",
                "Tolerance (±) must be 0 or more", "id=\"q-answer-error\"");
        MvcTestResult unreadable = mvc.post().uri("/instructor/questions").with(gus).with(csrf())
                .param("kind", "numeric").param("text", "How many?").param("answer", "four").param("action", "save")
                .exchange();
        assertThat(unreadable).hasStatus(400);
        assertThat(page(unreadable)).contains("Right answer must be a number, not &#39;four&#39;");
        MvcTestResult noRight = mvc.post().uri("/instructor/questions").with(gus).with(csrf()).param("kind", "choice")
                .param("text", "Which?").param("options[0].text", "a").param("options[3].text", "a")
                .param("action", "save").exchange();
        assertThat(page(noRight)).contains("exactly one right option; this one has 0", "Option 2 repeats Option 1");
        assertThat(stored("gus")).isZero();

        MvcTestResult saved = mvc.post().uri("/instructor/questions").with(gus).with(csrf()).param("kind", "numeric")
                .param("text", "How many targets has a 5-token sequence under pre-training?").param("answer", "4")
                .param("tolerance", "").param("feedback", "Every token after the first.").param("action", "save")
                .exchange();
        assertThat(saved).hasStatus(302);
        String at = saved.getResponse().getRedirectedUrl();
        assertThat(at).matches("/instructor/questions/\\d+\\?saved=1");
        long id = Long.parseLong(at.replaceAll("\\?.*|\\D", ""));
        assertThat(page(mvc.get().uri(at).with(gus).exchange())).contains("Saved: learners are asked it now",
                "A number, exactly.");

        // a try is graded like a learner's answer and stored nowhere
        MvcTestResult tried = mvc.post().uri("/instructor/questions/" + id + "/try").with(gus).with(csrf())
                .param("value", "4").exchange();
        assertThat(page(tried)).contains("✓", "Your answer 4 is the right value.", "Every token after the first.");
        assertThat(page(mvc.post().uri("/instructor/questions/" + id + "/try").with(gus).with(csrf())
                .param("value", "5").exchange())).contains("Your answer 5 is not the right value, 4.");
        assertThat(jdbc.sql("select count(*) from quiz_answer where item_id = ?").param("instructors." + id)
                .query(Integer.class).single()).isZero();

        assertThat(page(mvc.get().uri("/instructor/questions/" + id + "/edit").with(gus).exchange()))
                .contains("value=\"4\"", "Every token after the first.");
        assertThat(mvc.post().uri("/instructor/questions/" + id).with(gus).with(csrf()).param("kind", "numeric")
                .param("text", "How many targets?").param("answer", "4").param("tolerance", "0.5")
                .param("action", "save").exchange()).hasStatus(302);
        assertThat(store.find(id).orElseThrow().question().tolerance()).isEqualTo(0.5);
        assertThat(mvc.post().uri("/instructor/questions/" + id + "/delete").with(gus).with(csrf()).exchange())
                .hasStatus(302);
        assertThat(stored("gus")).isZero();
    }

    @Test
    void theCapHoldsForConcurrentWritesAndImports() throws Exception {
        var hal = instructor("hal");
        for (int i = 0; i < 10; i++) {
            create(TRUE_FALSE, "hal");
        }
        JsonNode full = problem(mvc.post().uri(API + "/import").with(hal).with(csrf()).contentType(MediaType.TEXT_PLAIN)
                .content("One {T}\n\nTwo {F}\n\nThree {T}").exchange(), 409);
        assertThat(full.get("detail").asString()).contains("at most 12 questions: you have 10, and this adds 3");
        assertThat(stored("hal")).as("all or nothing").isEqualTo(10);

        Question question = new Question("true-false", null, "Raced.", null, true, null, null, null, null, null, null,
                null, null, null);
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> racing = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            racing.add(pool.submit(() -> {
                try {
                    store.add("ivy", List.of(question), 12);
                } catch (RuntimeException capped) {
                    refused.incrementAndGet();
                }
            }));
        }
        for (Future<?> race : racing) {
            race.get();
        }
        pool.shutdown();
        assertThat(stored("ivy")).isEqualTo(12);
        assertThat(refused.get()).isEqualTo(4);
    }

    @Test
    void giftIsPreviewedThenImportedWholeAndExportedAudited() throws Exception {
        var jo = instructor("jo");
        String gift = """
                // two questions
                ::Targets::Which tokens carry loss under SFT? {=the response #yes ~the prompt #no ####Read, not scored.}

                ::Mask::The prompt is a target under SFT. {F}
                """;
        JsonNode preview = json(mvc.post().uri(API + "/import/preview").with(jo).with(csrf())
                .contentType(MediaType.TEXT_PLAIN).content(gift).exchange());
        assertThat(preview).hasSize(2);
        assertThat(preview.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(preview.get(1).get("question").get("kind").asString()).isEqualTo("true-false");
        assertThat(stored("jo")).isZero();

        String bad = gift + "\nUnclosed {=a ~b\n\nNo right {~a ~b}\n";
        JsonNode refused = problem(mvc.post().uri(API + "/import").with(jo).with(csrf())
                .contentType(MediaType.TEXT_PLAIN).content(bad).exchange(), 400);
        assertThat(refused.get("field").asString()).isEqualTo("gift");
        assertThat(refused.get("detail").asString()).isEqualTo("2 of the questions cannot be imported, so nothing "
                + "was imported");
        assertThat(refused.get("errors").get("line 6").asString()).isEqualTo("The brace opened on line 6 is never "
                + "closed");
        assertThat(refused.get("errors").get("line 8").asString()).contains("exactly one right option");
        assertThat(stored("jo")).as("nothing stored on any error").isZero();

        MvcTestResult checked = mvc.post().uri("/instructor/questions/import").with(jo).with(csrf()).param("gift", bad)
                .param("action", "import").exchange();
        assertThat(checked).hasStatus(400);
        assertThat(page(checked)).contains("Line 6: The brace opened on line 6 is never closed",
                "Line 8: A single-answer question needs exactly one right option");
        assertThat(stored("jo")).isZero();
        MvcTestResult previewed = mvc.post().uri("/instructor/questions/import").with(jo).with(csrf())
                .param("gift", gift).param("action", "check").exchange();
        assertThat(previewed).hasStatusOk();
        assertThat(page(previewed)).contains("What would be imported: 2 questions", "Line 2", "the response",
                "The statement is false.", "Import 2 questions");
        assertThat(stored("jo")).isZero();
        assertThat(page(mvc.post().uri("/instructor/questions/import").with(jo).with(csrf()).param("gift", "  ")
                .exchange())).contains("The GIFT text must not be empty");

        MvcTestResult imported = mvc.post().uri("/instructor/questions/import").with(jo).with(csrf())
                .param("gift", gift).param("action", "import").exchange();
        assertThat(imported.getResponse().getRedirectedUrl()).isEqualTo("/instructor/questions?imported=2");
        assertThat(stored("jo")).isEqualTo(2);
        MvcTestResult api = mvc.post().uri(API + "/import").with(jo).with(csrf())
                .contentType("text/plain;charset=UTF-8").content(gift.getBytes(StandardCharsets.UTF_8)).exchange();
        assertThat(api).hasStatus(201);
        assertThat(json(api)).hasSize(2);
        problem(mvc.post().uri(API + "/import").with(jo).with(csrf()).contentType(MediaType.TEXT_PLAIN)
                .content(new byte[] {(byte) 0xff, (byte) 0xfe}).exchange(), 400);

        MvcTestResult exported = mvc.get().uri(API + "/export.gift").with(jo).exchange();
        assertThat(exported.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        String written = exported.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(written).contains("::Targets::[plain]Which tokens carry loss under SFT? {", "=the response #yes",
                "::Mask::[plain]The prompt is a target under SFT. {FALSE}");
        assertThat(mvc.get().uri(API + "/export.xml").with(jo).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("<name>", "Targets", "truefalse");
        assertThat(jdbc.sql("select action from audit_event where actor = 'jo' order by id").query(String.class)
                .list()).containsExactly("import-questions", "import-questions", "export-questions",
                "export-questions");
    }

    @Test
    void aLearnerAnswersAnInstructorsQuestionGradedAndCountingTowardsMastery() throws Exception {
        long numeric = create(NUMERIC, "kim");
        long choice = create(CHOICE, "kim");
        MvcTestResult first = mvc.get().uri("/quiz").exchange();
        assertThat(page(first)).contains("From your instructors", "Answer them");
        MvcTestResult start = mvc.get().uri("/quiz/start?concept=instructors").exchange();
        assertThat(start.getResponse().getRedirectedUrl()).contains("instructors." + numeric + ",instructors."
                + choice);

        Cookie learner = mvc.get().uri("/api/quiz/items/instructors." + numeric).exchange().getResponse()
                .getCookie(LearnerCookie.NAME);
        JsonNode right = json(mvc.post().uri("/api/quiz/items/instructors." + numeric + "/answers").cookie(learner)
                .contentType(MediaType.APPLICATION_JSON).content("{\"value\": 0.693}").exchange());
        assertThat(right.get("grade").get("correct").asBoolean()).isTrue();
        assertThat(right.get("grade").get("feedback").toString()).contains("within the right value 0.69",
                "−log 0.5 = ln 2.");
        assertThat(right.get("mastery").get("right").asInt()).isEqualTo(1);

        MvcTestResult page = mvc.post().uri("/quiz/run").cookie(learner).param("set", "instructors." + choice)
                .param("at", "0").param("choice", "1").exchange();
        assertThat(page(page)).contains("✗ Not quite", "That is pre-training.",
                "The right answer: “The response and end-of-text” — Right.", "The prompt is read, never scored.",
                "From your instructors: 1 of your last 2 answers right.");
        JsonNode concepts = json(mvc.get().uri("/api/quiz/concepts").cookie(learner).exchange());
        JsonNode theirs = concepts.get(concepts.size() - 1);
        assertThat(theirs.get("id").asString()).isEqualTo("instructors");
        assertThat(theirs.get("items").toString()).contains("instructors." + numeric, "instructors." + choice);
        assertThat(theirs.get("mastery").get("answered").asInt()).isEqualTo(2);
        assertThat(page(mvc.get().uri("/quiz").cookie(learner).exchange())).contains("1 of your last 2 answers right");

        // a deleted question leaves the learner's history but no longer comes back to practise
        mvc.delete().uri(API + "/" + choice).with(instructor("kim")).with(csrf()).exchange();
        assertThat(mvc.get().uri("/quiz/start?what=missed").cookie(learner).exchange().getResponse()
                .getRedirectedUrl()).doesNotContain("instructors." + choice);
        assertThat(mvc.get().uri("/quiz/run?set=instructors." + choice + "&at=0").cookie(learner).exchange())
                .hasStatus(400);
        problem(mvc.post().uri("/api/quiz/items/instructors." + choice + "/answers").cookie(learner)
                .contentType(MediaType.APPLICATION_JSON).content("{\"choices\": [0]}").exchange(), 404);
    }
}
