package dev.losslens.quiz.pages;

import dev.losslens.quiz.bank.Concept;
import dev.losslens.quiz.bank.QuizBank;
import dev.losslens.quiz.bank.QuizItem;
import dev.losslens.quiz.grading.Answer;
import dev.losslens.quiz.grading.ItemView;
import dev.losslens.quiz.grading.QuizService;
import dev.losslens.quiz.progress.LearnerCookie;
import dev.losslens.quiz.progress.Mastery;
import dev.losslens.quiz.progress.Progress;
import dev.losslens.system.api.ApiAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Quiz", description = "The question bank, graded answers and mastery")
@RequestMapping("/api/quiz")
class QuizApiController {

    private final QuizBank bank;
    private final QuizConcepts concepts;
    private final QuizService quiz;
    private final Progress progress;
    private final QuizExport export;

    QuizApiController(QuizBank bank, QuizConcepts concepts, QuizService quiz, Progress progress, QuizExport export) {
        this.bank = bank;
        this.concepts = concepts;
        this.quiz = quiz;
        this.progress = progress;
        this.export = export;
    }

    /**
     * A concept as listed: its items by id, never their answers, and the caller's mastery if they have answered. The
     * instructors' questions come last as the concept {@code instructors}, with no explorer view or preset.
     */
    record ConceptSummary(String id, int order, String title, List<String> explanation, String explore, String preset,
                          List<String> items, Mastery mastery) {
    }

    @Operation(summary = "The course's concepts in order, with their item ids and the caller's mastery; the "
            + "instructors' questions last, while there are any")
    @GetMapping("/concepts")
    List<ConceptSummary> concepts(HttpServletRequest request) {
        Map<String, Mastery> mastery = progress.mastery(LearnerCookie.read(request));
        List<ConceptSummary> listed = new ArrayList<>(bank.concepts().stream().map(c -> new ConceptSummary(c.id(),
                c.order(), c.title(), c.explanation(), c.explore(), c.preset(),
                c.items().stream().map(QuizItem::id).toList(), mastery.get(c.id()))).toList());
        List<String> theirs = concepts.instructorItems();
        if (!theirs.isEmpty()) {
            Concept c = concepts.instructors();
            listed.add(new ConceptSummary(c.id(), c.order(), c.title(), c.explanation(), null, null, theirs,
                    mastery.get(c.id())));
        }
        return listed;
    }

    @ApiAnswers(problems = {400, 404})
    @Operation(summary = "One item as the learner sees it, without its answer; the caller's own variant unless one is asked")
    @GetMapping("/items/{id}")
    ItemView item(@PathVariable String id, @RequestParam(required = false) Integer variant, HttpServletRequest request,
                  HttpServletResponse response) {
        QuizItem item = quiz.item(id);
        return quiz.view(item, variant != null ? variant
                : LearnerCookie.readOrIssue(request, response).variantOf(item));
    }

    @ApiAnswers(problems = {400, 404, 409})
    @Operation(summary = "Grades an answer: right or not, feedback, the right answer and the concept's mastery")
    @PostMapping("/items/{id}/answers")
    Progress.Result answer(@PathVariable String id, @RequestBody Answer answer, HttpServletRequest request,
                           HttpServletResponse response) {
        return progress.answer(LearnerCookie.readOrIssue(request, response), quiz.item(id), answer);
    }

    @Operation(summary = "The choice, true/false and numeric items as Moodle GIFT, with feedback")
    @GetMapping(path = "/export.gift", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> gift() {
        return download(export.gift(), "losslens-quiz.gift.txt");
    }

    @Operation(summary = "The choice, true/false and numeric items as Moodle XML, with feedback")
    @GetMapping(path = "/export.xml", produces = "application/xml")
    ResponseEntity<String> xml() {
        return download(export.xml(), "losslens-quiz.xml");
    }

    private static ResponseEntity<String> download(String body, String filename) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(filename).build().toString()).body(body);
    }

    @ApiAnswers(success = 204)
    @Operation(summary = "Forgets the caller's answers")
    @DeleteMapping("/progress")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(HttpServletRequest request, HttpServletResponse response) {
        LearnerCookie.read(request).ifPresent(progress::reset);
        LearnerCookie.clear(response);
    }
}
