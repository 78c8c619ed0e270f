package dev.losslens.lab;

import dev.losslens.comparison.LaneBatches;
import dev.losslens.text.Role;
import dev.losslens.text.Tokenizer;
import dev.losslens.training.ModelBatch;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A lane's training batch at one step as its pipeline built it, row by row: what a practitioner would print to see
 * what their model is really trained on. Padding is left out, so an empty row has no tokens.
 *
 * @param microBatchWeights Σ w of each micro-batch, the divisor of its loss
 */
public record LaneBatchView(long comparison, int lane, int step, int steps, int microBatches, List<Double> microBatchWeights,
                     List<Row> rows) {

    /** @param microBatch which micro-batch of the step the row belongs to */
    record Row(int microBatch, List<Token> tokens) {
    }

    /**
     * @param input   the token the position reads
     * @param target  the token its output is scored against
     * @param role    the target's role in its example
     * @param weight  the target's weight w
     * @param share   the target's share of the lane's step loss; null where its micro-batch divides 0 by 0
     * @param example which example of the step's batch the input belongs to
     */
    record Token(String input, String target, @Schema(example = "response") Role role, double weight, Double share,
                 int example) {
    }

    public static LaneBatchView of(LaneBatches.LaneBatch lane, Tokenizer tokenizer) {
        ModelBatch batch = lane.batch();
        double[] shares = batch.sharesOfLoss();
        List<Row> rows = new ArrayList<>();
        int perMicroBatch = batch.rows() / batch.microBatches();
        for (int r = 0; r < batch.rows(); r++) {
            List<Token> tokens = new ArrayList<>();
            for (int p = 0; p < batch.length(); p++) {
                int at = r * batch.length() + p;
                if (batch.sources()[at] < 0) {
                    continue;
                }
                tokens.add(new Token(tokenizer.piece(batch.inputs()[at]), tokenizer.piece(batch.targets()[at]),
                        batch.roles()[at], batch.weights()[at], Double.isNaN(shares[at]) ? null : shares[at],
                        batch.sources()[at]));
            }
            rows.add(new Row(r / perMicroBatch, tokens));
        }
        return new LaneBatchView(lane.comparison(), lane.lane(), lane.step(), lane.steps(), batch.microBatches(),
                IntStream.range(0, batch.microBatches()).mapToObj(batch::weightOf).toList(), rows);
    }
}
