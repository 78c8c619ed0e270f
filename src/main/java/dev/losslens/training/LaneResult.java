package dev.losslens.training;

/**
 * How a lane ended and its final weights (a stored checkpoint), if it has usable ones.
 *
 * @param divergedAt the step whose loss was not finite, or null
 */
public record LaneResult(LaneStatus status, Integer divergedAt, byte[] finalWeights) {
}
