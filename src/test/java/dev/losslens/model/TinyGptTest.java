package dev.losslens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class TinyGptTest {

    private static final DjlTestThread DJL = new DjlTestThread("test-djl");
    private static final int VOCAB = 300;

    @AfterAll
    static void stop() {
        DJL.close();
    }

    private static int[] randomIds(int n, long seed) {
        return new Random(seed).ints(n, 0, VOCAB).toArray();
    }

    @Test
    void untrainedMeanLossIsCloseToLogVocab() {
        double mean = DJL.run(manager -> {
            TinyGpt model = new TinyGpt(GptParameters.initialise(ModelConfig.preset("tiny", VOCAB), 1, manager));
            double[] nll = Scoring.score(model, randomIds(100, 2), 5).nll();
            return Arrays.stream(nll, 1, nll.length).average().orElseThrow();
        });
        assertThat(mean).isCloseTo(Math.log(VOCAB), within(0.1 * Math.log(VOCAB)));
    }

    @Test
    void changingALaterTokenNeverChangesAnEarlierPrediction() {
        int[] ids = randomIds(40, 3);
        int[] changed = ids.clone();
        changed[30] = (changed[30] + 7) % VOCAB;
        double[][] both = DJL.run(manager -> {
            TinyGpt model = new TinyGpt(GptParameters.initialise(ModelConfig.preset("tiny", VOCAB), 4, manager));
            return new double[][] {Scoring.score(model, ids, 1).nll(), Scoring.score(model, changed, 1).nll()};
        });
        for (int t = 1; t < 30; t++) {
            assertThat(both[1][t]).as("position %d", t).isEqualTo(both[0][t]);
        }
        assertThat(both[1][30]).isNotEqualTo(both[0][30]);
    }

    @Test
    void topCandidatesAreSortedProbabilitiesAndIncludeTheArgmax() {
        TokenScores scores = DJL.run(manager -> {
            TinyGpt model = new TinyGpt(GptParameters.initialise(ModelConfig.preset("tiny", VOCAB), 5, manager));
            return Scoring.score(model, randomIds(10, 6), 5);
        });
        for (int t = 1; t < 10; t++) {
            var top = scores.top().get(t);
            assertThat(top).hasSize(5);
            assertThat(top).isSortedAccordingTo((a, b) -> Double.compare(b.probability(), a.probability()));
            assertThat(Math.exp(-scores.nll()[t])).isLessThanOrEqualTo(top.get(0).probability() + 1e-9);
        }
        assertThat(scores.top().get(0)).isEmpty();
    }

    @Test
    void sameSeedGivesIdenticalWeightsAndCheckpointsRoundTrip() {
        double[][] nll = DJL.run(manager -> {
            ModelConfig config = ModelConfig.preset("tiny", VOCAB);
            GptParameters weights = GptParameters.initialise(config, 9, manager);
            byte[] stored = Checkpoints.toBytes(weights);
            try {
                GptParameters loaded = Checkpoints.read(new java.io.ByteArrayInputStream(stored), manager);
                GptParameters again = GptParameters.initialise(config, 9, manager);
                int[] ids = randomIds(20, 10);
                return new double[][] {
                    Scoring.score(new TinyGpt(weights), ids, 1).nll(),
                    Scoring.score(new TinyGpt(loaded), ids, 1).nll(),
                    Scoring.score(new TinyGpt(again), ids, 1).nll()};
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(nll[1]).containsExactly(nll[0]);
        assertThat(nll[2]).containsExactly(nll[0]);
    }
}
