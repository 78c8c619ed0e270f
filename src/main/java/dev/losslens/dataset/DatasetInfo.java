package dev.losslens.dataset;

/** A bundled dataset as listed in {@code sample-datasets/datasets.json}, with its split sizes. */
public record DatasetInfo(String name, String title, String description, int train, int heldout) {
}
