package dev.losslens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.losslens.objective.LabelShift;
import dev.losslens.objective.LossObjective;
import dev.losslens.objective.LossTotals;
import dev.losslens.text.Role;
import dev.losslens.text.TokenizedExample;
import java.util.Arrays;
import java.util.List;
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
            TinyGpt model = new TinyGpt(GptParameters.initialise(ModelPreset.TINY.config(VOCAB), 1, manager));
            double[] nll = Scoring.score(model, randomIds(100, 2), 5).nll();
            return Arrays.stream(nll, 1, nll.length).average().orElseThrow();
        });
        assertThat(mean).isCloseTo(Math.log(VOCAB), within(0.1 * Math.log(VOCAB)));
    }

    /** Sequences scored together, padded to the longest, read exactly as each alone: attention is causal. */
    @Test
    void aBatchOfSequencesScoresEachAsItScoresAlone() {
        List<int[]> sequences = List.of(randomIds(7, 11), randomIds(31, 12), randomIds(2, 13), randomIds(31, 14));
        DJL.run(manager -> {
            TinyGpt model = new TinyGpt(GptParameters.initialise(ModelPreset.TINY.config(VOCAB), 3, manager));
            List<TokenScores> together = Scoring.scoreAll(model, sequences, 5);
            for (int i = 0; i < sequences.size(); i++) {
                TokenScores alone = Scoring.score(model, sequences.get(i), 5);
                assertThat(together.get(i).nll()).as("sequence %d", i)
                        .containsExactly(alone.nll(), within(1e-5));
                assertThat(together.get(i).top().stream().map(slot -> slot.stream().map(Prediction::id).toList()))
                        .isEqualTo(alone.top().stream().map(slot -> slot.stream().map(Prediction::id).toList()).toList());
                assertThat(together.get(i).limitedTo(1).top().stream().skip(1)).allMatch(slot -> slot.size() == 1);
            }
            return null;
        });
    }

    /** The lane step's DJL loss and the explorer's plain-Java totals are one formula: Σ w·nll / Σ w. */
    @Test
    void theTrainingLossIsTheWeightedMeanOfTheScoredTokens() {
        int[] ids = randomIds(24, 5);
        Role[] roles = new Role[ids.length];
        Arrays.fill(roles, 0, 10, Role.PROMPT);
        Arrays.fill(roles, 10, ids.length, Role.RESPONSE);
        TokenizedExample example = new TokenizedExample(ids, roles);
        for (LossObjective objective : List.of(LossObjective.PRETRAINING, LossObjective.INSTRUCTION,
                LossObjective.weighted(0.25))) {
            double[] perToken = objective.targetWeights(example);
            double[] both = DJL.run(manager -> {
                TinyGpt model = new TinyGpt(GptParameters.initialise(ModelPreset.TINY.config(VOCAB), 6, manager));
                try (NDScope ignored = new NDScope()) {
                    float[] predictions = new float[ids.length - 1];
                    LabelShift.intoPredictions(perToken, predictions, 0);
                    NDArray input = manager.create(ids, new Shape(1, ids.length)).toType(DataType.INT64, false);
                    NDArray weights = manager.create(predictions, new Shape(1, ids.length - 1));
                    double loss = model.weightedNll(input, weights).getFloat();
                    double totals = LossTotals.of(Scoring.score(model, ids, 1).nll(), perToken).mean();
                    return new double[] {loss, totals};
                }
            });
            assertThat(both[0]).as("%s: DJL loss vs LossTotals mean", objective).isCloseTo(both[1], within(1e-5));
        }
    }

    @Test
    void changingALaterTokenNeverChangesAnEarlierPrediction() {
        int[] ids = randomIds(40, 3);
        int[] changed = ids.clone();
        changed[30] = (changed[30] + 7) % VOCAB;
        double[][] both = DJL.run(manager -> {
            TinyGpt model = new TinyGpt(GptParameters.initialise(ModelPreset.TINY.config(VOCAB), 4, manager));
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
            TinyGpt model = new TinyGpt(GptParameters.initialise(ModelPreset.TINY.config(VOCAB), 5, manager));
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
            ModelConfig config = ModelPreset.TINY.config(VOCAB);
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
