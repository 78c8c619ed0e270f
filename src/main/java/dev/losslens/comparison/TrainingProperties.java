package dev.losslens.comparison;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds and defaults of training comparisons ({@code losslens.training.*}); the lab form shows them.
 *
 * @param maxSteps most optimisation steps per comparison
 * @param minLearningRate smallest learning rate accepted
 * @param maxLearningRate largest learning rate accepted
 * @param maxBatchSize largest batch (sequences per step)
 * @param maxQueued most comparisons waiting in the whole queue
 * @param maxQueuedPerClient most comparisons one person (their owner cookie or token) may have waiting or running
 * @param maxQueuedPerAddress most comparisons one client address may have waiting or running: a ceiling a lecture hall
 *                            behind one NAT does not reach
 * @param answeredPrompts held-out prompts answered greedily at each evaluation for exact match
 * @param instanceId this app instance's name in the shared queue (defaults to the host name)
 * @param staleAfterSeconds a running comparison without a heartbeat for this long is marked interrupted
 * @param trainerThreads training threads of this instance; 0 means one per processor
 * @param stackLanes most lanes stepped together in one stack; more lanes of one model shape train in further stacks
 * @param maxTrainingParameters most weights this instance trains at once, over all its lanes (each costs about 20 bytes:
 *                              the weight, two optimiser moments, its gradient and its starting point), shared evenly
 *                              by the trainer threads; a comparison is claimed only while one of the most lanes of the
 *                              largest model would still fit
 */
@ConfigurationProperties("losslens.training")
public record TrainingProperties(
        @DefaultValue("2000") int maxSteps,
        @DefaultValue("0.00001") double minLearningRate,
        @DefaultValue("0.1") double maxLearningRate,
        @DefaultValue("64") int maxBatchSize,
        @DefaultValue("400") int maxQueued,
        @DefaultValue("3") int maxQueuedPerClient,
        @DefaultValue("200") int maxQueuedPerAddress,
        @DefaultValue("16") int answeredPrompts,
        @DefaultValue("") String instanceId,
        @DefaultValue("120") int staleAfterSeconds,
        @DefaultValue("0") int trainerThreads,
        @DefaultValue("32") int stackLanes,
        @DefaultValue("160000000") long maxTrainingParameters) {

    public static final int MIN_LANES = 2;
    public static final int MAX_LANES = 4;
}
