package dev.losslens.lecture;

import dev.losslens.account.AuditTrail;
import dev.losslens.system.api.ApiAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Class polls", description = "Lecture sessions, their polls and votes")
@RequestMapping("/api/classes")
class ClassApiController {

    private final ClassService classes;
    private final ClassVotes votes;
    private final ClassSnapshots snapshots;
    private final ClassStream stream;
    private final AuditTrail audit;

    ClassApiController(ClassService classes, ClassVotes votes, ClassSnapshots snapshots, ClassStream stream,
                       AuditTrail audit) {
        this.audit = audit;
        this.classes = classes;
        this.votes = votes;
        this.snapshots = snapshots;
        this.stream = stream;
    }

    /** A student's answer: an option's index, or a number for a number question. */
    record VoteRequest(@Schema(example = "predict-lowest-response") String question,
                       @Schema(example = "1", description = "the option's index, for a choice") Integer choice,
                       @Schema(example = "0.1", description = "the answer to a number question") Double number) {
    }

    /** A presenter's action; {@code step} only for "go". */
    record ControlRequest(@Schema(example = "next", allowableValues = {"next", "back", "go", "skip", "blank", "lock",
            "reopen", "reveal", "revote", "answer", "reset", "crowd"}) String action, @Schema(example = "4", description = "for go: the step, from 0")
                          Integer step) {
    }

    @ApiAnswers(success = 201, problems = 429)
    @Operation(summary = "Opens a class session on the default deck; the caller becomes its presenter (cookie). "
            + "Live sessions are capped per client address and in all (429)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ClassState open(HttpServletRequest request, HttpServletResponse response) {
        return snapshots.state(classes.open(Presenter.keyed(request, response), request.getRemoteAddr()));
    }

    @ApiAnswers(problems = {400, 404})
    @Operation(summary = "The session's step and current poll; a poll's results only once revealed")
    @GetMapping("/{code}")
    ClassState state(@PathVariable String code) {
        return snapshots.state(classes.session(code));
    }

    @ApiAnswers(problems = {400, 404, 429}, events = {"state"})
    @Operation(operationId = "classEvents", summary = "Server-Sent Events: a 'state' event with the session's snapshot whenever it changes")
    @GetMapping(path = "/{code}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String code, HttpServletRequest request) {
        return stream.subscribe(classes.session(code), ClassCookies.person(request), request.getRemoteAddr());
    }

    @ApiAnswers(success = 204, problems = {400, 404, 409})
    @Operation(summary = "Answers the poll on screen, or changes the answer, while the poll is open (409 once it is "
            + "locked or the presenter has moved on)")
    @PostMapping("/{code}/votes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void vote(@PathVariable String code, @RequestBody VoteRequest vote, HttpServletRequest request,
              HttpServletResponse response) {
        votes.vote(code, ClassCookies.PARTICIPANT.readOrIssue(request, response), vote.question(), vote.choice(),
                vote.number());
    }

    @ApiAnswers(problems = {400, 404, 409, 429})
    @Operation(summary = "The presenter steers: next, back, go, skip (past the optional steps ahead), blank, lock, reopen, reveal, revote (a locked "
            + "poll's second round, peer instruction), answer (shows a second round's right answer after its reveal), "
            + "reset, or crowd (races the class's λ answers; 429 when the presenter's queue allowance is used up)")
    @PostMapping("/{code}/control")
    ClassState control(@PathVariable String code, @RequestBody ControlRequest control, HttpServletRequest request,
                       HttpServletResponse response) {
        return snapshots.state(classes.control(code, Presenter.keyed(request, response), request.getRemoteAddr(),
                ControlAction.of(control.action()), control.step()));
    }

    @ApiAnswers(problems = {400, 403, 404})
    @Operation(summary = "The presenter's CSV of every poll's counts (aggregates only)")
    @GetMapping(path = "/{code}/results.csv", produces = "text/csv")
    ResponseEntity<String> results(@PathVariable String code, HttpServletRequest request) {
        ClassSession session = classes.session(code);
        Presenter presenter = Presenter.of(request);
        classes.requirePresenter(session, presenter);
        presenter.person().ifPresent(person -> audit.record("export-class-results", session.code()));
        return snapshots.results(session).attachment("losslens-class-" + session.code() + ".csv");
    }
}
