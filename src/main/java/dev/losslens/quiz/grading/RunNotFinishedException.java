package dev.losslens.quiz.grading;

import dev.losslens.quiz.bank.PresetRuns;
import dev.losslens.system.rejection.RejectedRequestException;
import org.springframework.http.HttpStatus;

/** A prediction about a run that has not finished yet: it can be graded once the run has. */
public class RunNotFinishedException extends RejectedRequestException {

    private final transient PresetRuns.Observation run;

    RunNotFinishedException(PresetRuns.Observation run) {
        super(HttpStatus.CONFLICT, "run", "quiz.run-training", run.run(), run.stepsDone(), run.steps());
        this.run = run;
    }

    public PresetRuns.Observation run() {
        return run;
    }
}
