package dev.losslens.worker;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether this instance's trainers live, for readiness ({@code /actuator/health/readiness} includes it as
 * {@code trainers}), and the width of their stacks as the gauge {@code losslens.training.stack.lanes}.
 */
@Component("trainers")
class TrainerHealth implements HealthIndicator {

    private final ComparisonWorker worker;

    TrainerHealth(ComparisonWorker worker, MeterRegistry meters) {
        this.worker = worker;
        Gauge.builder("losslens.training.stack.lanes", worker, ComparisonWorker::lanesTraining)
                .description("Lanes in this instance's training stacks").register(meters);
        Gauge.builder("losslens.trainers.alive", worker, ComparisonWorker::trainersAlive)
                .description("Trainer threads of this instance whose loop runs").register(meters);
    }

    @Override
    public Health health() {
        long alive = worker.trainersAlive();
        Health.Builder health = worker.isRunning() && alive == worker.trainerCount() && alive > 0
                ? Health.up() : Health.down();
        return health.withDetail("instance", worker.instance()).withDetail("alive", alive)
                .withDetail("started", worker.trainerCount()).build();
    }
}
