package dev.losslens.training;

/** A stored lane: what it optimised, where it started and how it ended. */
record LaneRow(int index, String objective, double promptWeight, String init, String label, LaneStatus status,
               Integer divergedAt) {
}
