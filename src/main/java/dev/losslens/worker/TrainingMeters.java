package dev.losslens.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What this instance's trainers report to an operator: lane-steps and tokens trained (their rates are lane-steps/s
 * and tokens/s) and how long each claimed comparison waited in the queue. The width of the stacks is a gauge of
 * {@link ComparisonWorker}, which knows its trainers.
 */
@Component
class TrainingMeters {

    private final Counter laneSteps;
    private final Counter tokens;
    private final Timer queueWait;

    TrainingMeters(MeterRegistry meters) {
        this.laneSteps = Counter.builder("losslens.training.lane.steps")
                .description("Optimisation steps of single lanes trained here").register(meters);
        this.tokens = Counter.builder("losslens.training.tokens")
                .description("Tokens trained here, over all lanes").register(meters);
        this.queueWait = Timer.builder("losslens.queue.wait")
                .description("From a comparison's submission to its claim by a trainer here")
                .publishPercentileHistogram().register(meters);
    }

    void stepped(int lanes, long tokensTrained) {
        laneSteps.increment(lanes);
        tokens.increment(tokensTrained);
    }

    void claimed(Duration waited) {
        queueWait.record(waited);
    }
}
