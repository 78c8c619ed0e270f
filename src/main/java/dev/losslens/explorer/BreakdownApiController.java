package dev.losslens.explorer;

import dev.losslens.system.api.ApiAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Explorer", description = "Per-token losses of a pair under each objective")
class BreakdownApiController {

    private final BreakdownService breakdowns;

    BreakdownApiController(BreakdownService breakdowns) {
        this.breakdowns = breakdowns;
    }

    @ApiAnswers(problems = {400, 404, 503})
    @Operation(summary = "Per-token loss of a prompt/response pair under the pre-training, instruction and λ-weighted objectives")
    @PostMapping("/api/breakdown")
    Breakdown breakdown(@RequestBody BreakdownRequest request) {
        return breakdowns.explain(request);
    }

    @ApiAnswers(problems = {400})
    @Operation(summary = "Tokens a prompt/response pair takes with its template, against the model's context")
    @PostMapping("/api/token-count")
    TokenCount tokenCount(@RequestBody BreakdownRequest request) {
        return breakdowns.count(request.prompt(), request.response());
    }
}
