package dev.losslens.explorer;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the conversation masks are asked for: a bundled example conversation, a bundled template or a pasted one
 * (the pasted one wins), the checkpoint whose losses are shown and λ for the weighted lane; omitted fields take
 * their defaults.
 */
public record ConversationRequest(
        @Schema(example = "two-turns", description = "A bundled example conversation") String example,
        @Schema(example = "chatml", description = "A bundled template's name") String template,
        @Schema(description = "A Jinja chat template of your own, at most 8000 characters") String templateSource,
        @Schema(example = "base") String checkpoint,
        @Schema(example = "0.1", minimum = "0", maximum = "1") Double promptWeight) {
}
