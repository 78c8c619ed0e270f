package dev.losslens.dataset;

import io.swagger.v3.oas.annotations.media.Schema;

/** A bundled dataset as listed in {@code sample-datasets/datasets.json}, with its split sizes. */
public record DatasetInfo(@Schema(example = "capitals") String name, @Schema(example = "Capitals") String title,
                          @Schema(example = "Name the capital of a country.") String description,
                          @Schema(example = "200") int train, @Schema(example = "50") int heldout) {
}
