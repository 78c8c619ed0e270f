package dev.losslens.comparison;

import java.util.List;

/** Body of {@code POST /api/comparisons}; every field is optional and falls back to the lab's default. */
public record ComparisonRequest(String dataset, String model, Integer steps, Double learningRate, Integer batchSize,
                         Long seed, Integer evalEvery, List<LaneRequest> lanes) {

    public record LaneRequest(String objective, Double promptWeight, String init) {
    }
}
