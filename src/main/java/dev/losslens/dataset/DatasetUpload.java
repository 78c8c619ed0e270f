package dev.losslens.dataset;

/**
 * An upload as a form or the API sends it: text fields as typed (numbers are read and checked here) and the files.
 *
 * @param slug the id in URLs and run configs; blank makes one from the title
 * @param heldoutFrom {@code file} or {@code split}; blank means a file when one was sent, else a split
 * @param heldoutShare the share of the training file held out by a split, 0.01 to 0.5 (blank: 0.1)
 * @param seed the split's seed (blank: 7)
 * @param heldout the held-out file, or null
 */
public record DatasetUpload(String title, String slug, String description, String heldoutFrom, String heldoutShare,
                            String seed, UploadFile train, UploadFile heldout) {
}
