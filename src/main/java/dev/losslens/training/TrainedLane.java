package dev.losslens.training;

/** A lane whose final weights are stored, so the explorer can read with them. */
record TrainedLane(long comparisonId, int index, String label) {
}
