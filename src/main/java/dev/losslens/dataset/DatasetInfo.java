package dev.losslens.dataset;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A dataset as the pickers list it, with its split sizes: a bundled one from {@code sample-datasets/datasets.json}, or
 * one an instructor uploaded (always pairs).
 */
public record DatasetInfo(@Schema(example = "capitals") String name, @Schema(example = "Capitals") String title,
                          @Schema(example = "Name the capital of a country.") String description,
                          @Schema(example = "200") int train, @Schema(example = "50") int heldout,
                          @Schema(example = "bundled", allowableValues = {"bundled", "uploaded"}) DatasetOrigin origin,
                          @Schema(description = "What a line holds: a prompt/response pair, or a conversation of "
                                  + "messages (the explorer and quizzes read pairs; the lab trains both)",
                                  example = "pair", allowableValues = {"pair", "conversation"}) DatasetFormat format) {

    @JsonIgnore
    public boolean isConversation() {
        return format == DatasetFormat.CONVERSATION;
    }
}
