package dev.losslens.explorer;

import dev.losslens.system.api.ApiAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Conversations", description = "A conversation rendered by a chat template, under every mask")
class ConversationApiController {

    private final ConversationMasks masks;

    ConversationApiController(ConversationMasks masks) {
        this.masks = masks;
    }

    @ApiAnswers(problems = {400, 404, 429, 503})
    @Operation(summary = "A conversation's tokens and losses under LossLens's mask policies, the labels each training "
            + "stack's settings would give them, and the mask linter's warnings")
    @PostMapping("/api/conversations/masks")
    ConversationView masks(@RequestBody ConversationRequest request) {
        return masks.view(request);
    }
}
