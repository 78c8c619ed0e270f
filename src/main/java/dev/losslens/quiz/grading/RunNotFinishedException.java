package dev.losslens.quiz.grading;

import dev.losslens.system.rejection.RejectedRequestException;
import org.springframework.http.HttpStatus;

/** An answer about a run that has not finished yet: it can be graded once the run has. */
public class RunNotFinishedException extends RejectedRequestException {

    private final transient Pending run;

    RunNotFinishedException(long run, int stepsDone, int steps) {
        super(HttpStatus.CONFLICT, "run", "quiz.run-training", run, stepsDone, steps);
        this.run = new Pending(run, stepsDone, steps);
    }

    public Pending run() {
        return run;
    }

    /** The run the answer waits for, and how far it has got. */
    public record Pending(long run, int stepsDone, int steps) {
    }
}
