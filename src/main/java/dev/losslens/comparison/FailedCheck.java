package dev.losslens.comparison;

import dev.losslens.training.PipelineCheck;

/** A pipeline check one lane's batches failed, and the step of the first failure. */
public record FailedCheck(int lane, PipelineCheck check, int firstStep) {
}
