package dev.losslens.lab;

import dev.losslens.comparison.ComparisonRequest;
import dev.losslens.comparison.ComparisonService;
import dev.losslens.comparison.ComparisonStatus;
import dev.losslens.comparison.ComparisonView;
import dev.losslens.comparison.LaneBatches;
import dev.losslens.comparison.OwnerSecret;
import dev.losslens.comparison.RunChecks;
import dev.losslens.comparison.Submission;
import dev.losslens.system.api.ApiAnswers;
import dev.losslens.system.words.Wording;
import dev.losslens.text.Tokenizer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Comparisons", description = "Training comparisons: submit, follow, list and cancel")
class ComparisonApiController {

    private final ComparisonService comparisons;
    private final ComparisonStream events;
    private final LaneBatches batches;
    private final Tokenizer tokenizer;
    private final Wording wording;

    ComparisonApiController(ComparisonService comparisons, ComparisonStream events, LaneBatches batches,
                            Tokenizer tokenizer, Wording wording) {
        this.comparisons = comparisons;
        this.events = events;
        this.batches = batches;
        this.tokenizer = tokenizer;
        this.wording = wording;
    }

    @ApiAnswers(problems = {400, 404})
    @Operation(summary = "The batch a lane trained on at a step, as its pipeline built it: each position's input, "
            + "target, weight and share of the step's loss, row by row and micro-batch by micro-batch")
    @GetMapping("/api/comparisons/{id}/lanes/{lane}/batch")
    LaneBatchView batch(@PathVariable long id, @PathVariable int lane,
                        @RequestParam(defaultValue = "1") @Parameter(description = "From 1 to the comparison's steps")
                        int step) {
        return LaneBatchView.of(batches.at(id, lane, step), tokenizer);
    }

    @ApiAnswers(success = 202, problems = {400, 429})
    @Operation(summary = "Queue a comparison of 2–4 training lanes; an identical finished one is replayed, a running one joined")
    @PostMapping("/api/comparisons")
    ResponseEntity<SubmissionResponse> submit(@RequestBody ComparisonRequest request, HttpServletRequest http,
                                              HttpServletResponse response) {
        OwnerSecret owner = OwnerCookie.readOrIssue(http, response);
        Submission submission = comparisons.submit(request, http.getRemoteAddr(), owner);
        ComparisonView view = submission.comparison();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Location", "/api/comparisons/" + view.id())
                .body(new SubmissionResponse(view.id(), view.status(), submission.kind(),
                        view.replayOf(), view.queuePosition(), view.etaSeconds(), "/runs/" + view.id(),
                        owner.value()));
    }

    /** One page of the comparison list, newest first; {@code more} says whether an older page follows. */
    record ComparisonPage(List<RunSummary> comparisons, int page, int size, boolean more) {
    }

    @ApiAnswers(problems = {400})
    @Operation(operationId = "listComparisons", summary = "Every comparison, replays included, newest first, a page at a time")
    @GetMapping("/api/comparisons")
    ComparisonPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        ComparisonService.Page found = comparisons.page(page, size);
        return new ComparisonPage(found.rows().stream().map(row -> RunSummary.of(row, wording::api)).toList(), page, size, found.more());
    }

    @ApiAnswers(problems = {400, 404})
    @Operation(summary = "Status, per-lane metric points and generations of a comparison")
    @GetMapping("/api/comparisons/{id}")
    ComparisonView get(@PathVariable long id) {
        return comparisons.view(id);
    }

    @ApiAnswers(problems = {400, 404, 409})
    @Operation(summary = "What LossLens's pipeline checks found in each lane's batches, with each lane's planted bug; "
            + "refused (409) for a mystery run, whose checks would name its bug")
    @GetMapping("/api/comparisons/{id}/checks")
    RunChecks checks(@PathVariable long id) {
        return comparisons.checks(id);
    }

    @ApiAnswers(problems = {400, 404, 429}, events = {"status", "point", "generations", "done"})
    @Operation(summary = "Server-Sent Events: 'status', 'point' and 'generations' events until the comparison ends")
    @GetMapping(path = "/api/comparisons/{id}/events", produces = "text/event-stream")
    SseEmitter events(@PathVariable long id, HttpServletRequest http) {
        return events.subscribe(id, OwnerCookie.person(http), http.getRemoteAddr());
    }

    @ApiAnswers(success = 202, problems = {400, 404})
    @Operation(summary = "Cancel a comparison you started (cookie or X-Owner-Token); what was measured is kept")
    @PostMapping("/api/comparisons/{id}/cancel")
    @Parameter(name = OwnerCookie.HEADER, in = ParameterIn.HEADER, schema = @Schema(type = "string"),
            description = "The ownerToken the submission answered; a browser sends its owner cookie instead")
    ResponseEntity<ComparisonView> cancel(@PathVariable long id, HttpServletRequest http) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(comparisons.cancel(id, OwnerCookie.read(http)));
    }

    /**
     * @param outcome {@code queued}, {@code replayed} or {@code joined}
     * @param ownerToken this client's secret: send it as {@value OwnerCookie#HEADER} to cancel what it started
     */
    record SubmissionResponse(@Schema(example = "7") long id, @Schema(example = "queued") ComparisonStatus status,
                              @Schema(example = "queued") Submission.Kind outcome,
                              @Schema(description = "the run whose stored result a replay shows")
                              Long replayOf,
                              @Schema(example = "1") Integer queuePosition, @Schema(example = "42.5") Double etaSeconds,
                              @Schema(example = "/runs/7") String page,
                              @Schema(example = "Yk3xQ0c7q1n2Zt4u5v6w7x8y9z0A1b2C3d4E5f6G7h8",
                                      description = "send as X-Owner-Token to cancel") String ownerToken) {
    }
}
