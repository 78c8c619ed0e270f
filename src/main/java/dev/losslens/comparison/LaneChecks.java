package dev.losslens.comparison;

import static dev.losslens.system.words.Wording.sentence;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.losslens.system.words.Wording;
import dev.losslens.training.PipelineBug;
import dev.losslens.training.PipelineCheck;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;

/**
 * What LossLens's pipeline checks found in one lane's batches; every check runs on the batch of every step a lane
 * trains, before it trains on it.
 *
 * @param label        the lane's name, with its bug
 * @param bug          the pipeline bug planted in the lane, or null for the correct pipeline
 * @param stepsChecked the steps whose batches were checked: every step the lane trained
 * @param failed       each check its batches failed, with the step of the first failure; empty when it passed them all
 */
public record LaneChecks(@Schema(example = "1") int lane, String label, PipelineBug bug,
                         @Schema(example = "300") int stepsChecked, List<CheckFailure> failed) {

    /** @param firstStep the first step whose batch failed the check */
    public record CheckFailure(PipelineCheck check, @Schema(example = "1") int firstStep) {
    }

    /** The same lane named by {@code name}. */
    public LaneChecks withLabel(String name) {
        return new LaneChecks(lane, name, bug, stepsChecked, failed);
    }

    /** The lane's result in words ({@code checks.*} in the runs bundle). */
    @JsonIgnore
    public MessageSourceResolvable finding() {
        int checks = PipelineCheck.values().length;
        if (stepsChecked == 0) {
            return sentence("checks.unchecked", label);
        }
        if (failed.isEmpty()) {
            return sentence("checks.passed", label, checks, stepsChecked);
        }
        return sentence("checks.failed", label, new Wording.Listed(failed.stream().map(failure -> sentence(
                "checks.failure", sentence("check." + failure.check().key()), failure.firstStep())).toList(),
                "list.separator"), checks - failed.size());
    }
}
