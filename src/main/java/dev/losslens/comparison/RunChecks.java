package dev.losslens.comparison;

import dev.losslens.training.PipelineCheck;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The pipeline checks LossLens runs on every lane's batches, and what they found in each lane of a run. */
public record RunChecks(@Schema(example = "7") long comparison, List<PipelineCheck> checks, List<LaneChecks> lanes) {
}
