package dev.losslens.training;

import java.util.List;

/** Body of {@code POST /api/comparisons}; every field is optional and falls back to the lab's default. */
record ComparisonRequest(String dataset, String model, Integer steps, Double learningRate, Integer batchSize,
                         Long seed, Integer evalEvery, List<LaneRequest> lanes) {

    record LaneRequest(String objective, Double promptWeight, String init) {
    }
}
