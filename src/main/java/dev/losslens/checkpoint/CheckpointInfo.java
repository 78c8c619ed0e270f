package dev.losslens.checkpoint;

/** A set of weights the explorer can read sequences with. */
public record CheckpointInfo(String id, String label, String description) {
}
