package dev.losslens.training;

import dev.losslens.model.GptParameters;
import dev.losslens.text.TokenizedExample;
import java.util.List;

/**
 * Everything a comparison trains with, resolved from its configuration: the lanes with their starting weights,
 * the tokenized training split, the held-out evaluator and the schedule.
 */
public record TrainingPlan(List<LaneSpec> lanes, List<GptParameters> startingWeights, List<TokenizedExample> training,
                    Evaluator evaluator, int steps, int batchSize, long seed, int evalEvery, double learningRate) {
}
