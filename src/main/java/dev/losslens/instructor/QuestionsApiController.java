package dev.losslens.instructor;

import dev.losslens.quiz.authored.AuthoredQuestion;
import dev.losslens.quiz.authored.GiftQuestion;
import dev.losslens.quiz.authored.Question;
import dev.losslens.quiz.bank.Concept;
import dev.losslens.quiz.grading.ItemView;
import dev.losslens.quiz.grading.QuizService;
import dev.losslens.system.api.ApiAnswers;
import dev.losslens.system.rejection.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Instructor questions", description = "Quiz questions instructors write, import from Moodle GIFT and "
        + "export; learners answer them in the quiz as the concept 'instructors'. Signed in as an instructor.")
@RequestMapping("/api/instructor/questions")
class QuestionsApiController {

    private final InstructorQuestions questions;
    private final QuizService quiz;

    QuestionsApiController(InstructorQuestions questions, QuizService quiz) {
        this.questions = questions;
        this.quiz = quiz;
    }

    /** A question checked but not stored, and the item as a learner would see it. */
    record QuestionPreview(Question question, ItemView view) {
    }

    @ApiAnswers(problems = 401)
    @Operation(operationId = "listQuestions",
            summary = "The caller's questions, oldest first (an administrator's: every instructor's)")
    @GetMapping
    List<AuthoredQuestion> list() {
        return questions.visible();
    }

    @ApiAnswers(success = 201, problems = {400, 401, 409})
    @Operation(operationId = "createQuestion",
            summary = "Writes a question; 409 when the caller already keeps as many as an instructor may")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AuthoredQuestion> create(@RequestBody Question question) {
        AuthoredQuestion created = questions.create(question);
        return ResponseEntity.created(URI.create("/api/instructor/questions/" + created.id())).body(created);
    }

    @ApiAnswers(problems = {400, 401})
    @Operation(operationId = "previewQuestion",
            summary = "Checks a question and shows it as a learner would see it, without storing it")
    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    QuestionPreview preview(@RequestBody Question question) {
        Question checked = questions.check(question);
        return new QuestionPreview(checked, quiz.view(checked.item("draft", Concept.INSTRUCTORS), 0));
    }

    @ApiAnswers(problems = {400, 401, 404})
    @Operation(operationId = "getQuestion", summary = "One question, any instructor's")
    @GetMapping("/{id}")
    AuthoredQuestion get(@PathVariable long id) {
        return questions.get(id);
    }

    @ApiAnswers(problems = {400, 401, 403, 404})
    @Operation(operationId = "updateQuestion",
            summary = "Replaces a question's content; only its author or an administrator may")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    AuthoredQuestion update(@PathVariable long id, @RequestBody Question question) {
        return questions.update(id, question);
    }

    @ApiAnswers(success = 204, problems = {400, 401, 403, 404})
    @Operation(operationId = "deleteQuestion", summary = "Deletes a question; only its author or an administrator "
            + "may. Learners' past answers to it stay in their mastery")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        questions.delete(id);
    }

    @ApiAnswers(success = 201, problems = {400, 401, 409})
    @Operation(operationId = "importQuestions", summary = "Imports Moodle GIFT text (choice, multiple-answer, "
            + "true/false and numeric questions with feedback): all of it, or nothing when any question is bad (400 "
            + "with every problem by its line, such as \"line 12\") or the caller's cap would be passed (409)")
    @PostMapping(path = "/import", consumes = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<List<AuthoredQuestion>> importGift(
            @Parameter(description = "GIFT text, UTF-8 unless the Content-Type names another charset")
            @RequestBody byte[] gift, @RequestHeader(HttpHeaders.CONTENT_TYPE) String type) {
        return ResponseEntity.status(HttpStatus.CREATED).body(questions.importGift(text(gift, type)));
    }

    @ApiAnswers(problems = {400, 401})
    @Operation(operationId = "previewImport", summary = "What importing this GIFT text would add, each question "
            + "with its line; nothing is stored. 400 with every problem by its line when any question is bad")
    @PostMapping(path = "/import/preview", consumes = MediaType.TEXT_PLAIN_VALUE)
    List<GiftQuestion> importPreview(@RequestBody byte[] gift, @RequestHeader(HttpHeaders.CONTENT_TYPE) String type) {
        var plan = questions.plan(text(gift, type));
        if (!plan.clean()) {
            throw new GiftRejectedException(plan.problems());
        }
        return plan.questions();
    }

    @ApiAnswers(problems = 401)
    @Operation(operationId = "exportQuestionsGift", summary = "The caller's questions as Moodle GIFT, with feedback "
            + "(mark-the-targets questions have no GIFT form and are left out)")
    @GetMapping(path = "/export.gift", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> exportGift() {
        return download(questions.exportGift(), "losslens-questions.gift.txt");
    }

    @ApiAnswers(problems = 401)
    @Operation(operationId = "exportQuestionsXml",
            summary = "The caller's questions as Moodle XML, with feedback (mark-the-targets questions are left out)")
    @GetMapping(path = "/export.xml", produces = "application/xml")
    ResponseEntity<String> exportXml() {
        return download(questions.exportXml(), "losslens-questions.xml");
    }

    private static ResponseEntity<String> download(String body, String filename) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(filename).build().toString()).body(body);
    }

    /** The body in its charset (UTF-8 when none is named); text that does not decode is refused, not mangled. */
    private static String text(byte[] body, String type) {
        Charset charset = StandardCharsets.UTF_8;
        try {
            Charset named = MediaType.parseMediaType(type).getCharset();
            charset = named == null ? charset : named;
        } catch (RuntimeException unnamed) {
            // the converter has accepted the type already; a charset it could not read leaves UTF-8
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("gift", "gift.encoding", charset.name());
        }
    }
}
