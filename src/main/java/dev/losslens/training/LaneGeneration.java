package dev.losslens.training;

/** A lane's answer at a given evaluation step. */
record LaneGeneration(int lane, int step, Generation generation) {
}
