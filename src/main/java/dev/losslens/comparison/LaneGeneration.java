package dev.losslens.comparison;

import dev.losslens.training.Generation;

/** A lane's answer at a given evaluation step. */
public record LaneGeneration(int lane, int step, Generation generation) {
}
