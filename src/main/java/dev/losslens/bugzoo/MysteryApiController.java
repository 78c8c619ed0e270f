package dev.losslens.bugzoo;

import dev.losslens.bugzoo.Mysteries.MysteryView;
import dev.losslens.lab.OwnerCookie;
import dev.losslens.quiz.progress.LearnerCookie;
import dev.losslens.system.api.ApiAnswers;
import dev.losslens.training.PipelineBug;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Mysteries", description = "The bug zoo's mystery runs: name a hidden pipeline bug from its symptoms")
class MysteryApiController {

    private final Mysteries mysteries;

    MysteryApiController(Mysteries mysteries) {
        this.mysteries = mysteries;
    }

    @ApiAnswers(success = 201, problems = {429})
    @Operation(operationId = "startMystery", summary = "Start a mystery run: a bug picked at random, its run "
            + "queued, replayed or joined; the mystery belongs to the caller's learner cookie")
    @PostMapping("/api/mysteries")
    ResponseEntity<MysteryView> start(HttpServletRequest request, HttpServletResponse response) {
        MysteryView mystery = mysteries.start(LearnerCookie.readOrIssue(request, response),
                OwnerCookie.readOrIssue(request, response), request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/mysteries/" + mystery.id())).body(mystery);
    }

    @ApiAnswers(problems = {404})
    @Operation(operationId = "getMystery", summary = "A mystery: its run's symptoms, and, for the learner who "
            + "started it once they have answered, the verdict and the bug")
    @GetMapping("/api/mysteries/{id}")
    MysteryView get(@PathVariable String id, HttpServletRequest request) {
        return mysteries.view(MysteryController.id(id), LearnerCookie.read(request));
    }

    /** @param bug the key of the bug named */
    record MysteryAnswer(@Schema(implementation = PipelineBug.class, example = "end-of-text-masked") String bug) {
    }

    @ApiAnswers(problems = {400, 403, 404, 409})
    @Operation(operationId = "answerMystery", summary = "Name the mystery's bug, once, after its run has ended: "
            + "graded, explained, and counted toward the bug zoo's mastery")
    @PostMapping("/api/mysteries/{id}/answer")
    MysteryView answer(@PathVariable String id, @RequestBody MysteryAnswer answer, HttpServletRequest request) {
        return mysteries.answer(MysteryController.id(id), LearnerCookie.read(request), answer.bug());
    }
}
