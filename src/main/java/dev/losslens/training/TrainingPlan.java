package dev.losslens.training;

import dev.losslens.model.GptParameters;
import java.util.List;

/**
 * Everything a comparison trains with, resolved from its configuration: the lanes with their starting weights,
 * the tokenized training split (its roles under each lane's answer span), the held-out evaluator and the schedule.
 */
public record TrainingPlan(List<LaneSpec> lanes, List<GptParameters> startingWeights, TrainingSplit training,
                    Evaluator evaluator, int steps, int batchSize, long seed, int evalEvery, double learningRate) {
}
