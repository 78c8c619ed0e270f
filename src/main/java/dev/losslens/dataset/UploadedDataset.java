package dev.losslens.dataset;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A dataset an instructor uploaded, as stored.
 *
 * @param name the id in URLs and run configs (its slug)
 * @param tokens every pair's tokens with the template, both splits
 * @param bytePieces of those, the single-byte pieces spelt out for text the compact vocabulary does not hold
 * @param splitSeed the seed of the held-out split, when it was made from one file; null when a second file gave it
 * @param heldoutShare the share held out by that split
 */
public record UploadedDataset(@JsonIgnore long id, @Schema(example = "course-faq") String name,
                              @Schema(example = "Course FAQ") String title,
                              @Schema(example = "Questions students asked last term.") String description,
                              @Schema(example = "jo") String owner, Instant createdAt,
                              @Schema(example = "180") int train, @Schema(example = "20") int heldout,
                              @Schema(example = "4210") int tokens, @Schema(example = "35") int bytePieces,
                              @Schema(example = "7") Long splitSeed, @Schema(example = "0.1") Double heldoutShare) {

    public DatasetInfo info() {
        return new DatasetInfo(name, title, description, train, heldout, DatasetOrigin.UPLOADED, DatasetFormat.PAIR);
    }
}
