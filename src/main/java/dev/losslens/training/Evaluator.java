package dev.losslens.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.losslens.dataset.PromptResponsePair;
import dev.losslens.model.StackedGpt;
import dev.losslens.objective.LabelShift;
import dev.losslens.objective.LossObjective;
import dev.losslens.objective.LossTotals;
import dev.losslens.text.CompactVocabulary;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.TokenizedExample;
import dev.losslens.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures lanes on the fixed held-out split, every lane of a comparison in one pass. Runs on the training thread,
 * between steps, without gradients.
 */
public final class Evaluator {

    private static final int BATCH = 32;

    private final List<TokenizedExample> heldOut;
    private final List<PromptResponsePair> answerPairs;
    private final List<int[]> answerPrompts;
    private final int maxAnswerTokens;
    private final Tokenizer tokenizer;

    /**
     * @param answered how many held-out prompts (the first ones, always the same) are answered for exact match
     */
    public Evaluator(List<PromptResponsePair> heldOutPairs, int answered, InstructionTemplate template, Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
        this.heldOut = heldOutPairs.stream().map(p -> template.render(p.prompt(), p.response())).toList();
        this.answerPairs = heldOutPairs.subList(0, Math.min(answered, heldOutPairs.size()));
        this.answerPrompts = answerPairs.stream().map(p -> template.promptIds(p.prompt())).toList();
        // an answer longer than the longest expected one is wrong anyway; stopping there keeps evaluation cheap
        this.maxAnswerTokens = answerPairs.stream().mapToInt(p -> tokenizer.encode(p.response()).length).max().orElse(0) + 2;
    }

    /** Every lane's metrics, in lane order; {@code answers} receives each lane's greedy answers, in lane order. */
    List<HeldOutMetrics> measure(StackedGpt model, List<List<Generation>> answers) {
        int lanes = model.lanes();
        // every held-out target once; the response and full-sequence objectives only pick which ones count
        LossTotals[] response = new LossTotals[lanes];
        LossTotals[] full = new LossTotals[lanes];
        Arrays.fill(response, LossTotals.of(0, 0, 0));
        Arrays.fill(full, LossTotals.of(0, 0, 0));
        for (int from = 0; from < heldOut.size(); from += BATCH) {
            TrainingBatch batch = TrainingBatch.of(heldOut.subList(from, Math.min(from + BATCH, heldOut.size())));
            float[] nll = nextTokenNll(model, batch);
            for (int lane = 0; lane < lanes; lane++) {
                for (int b = 0; b < batch.size(); b++) {
                    TokenizedExample example = batch.examples().get(b);
                    int offset = (lane * batch.size() + b) * (batch.length() - 1);
                    double[] tokenNll = LabelShift.perToken(nll, offset, example.length());
                    response[lane] = response[lane].plus(
                            LossTotals.of(tokenNll, LossObjective.INSTRUCTION.targetWeights(example)));
                    full[lane] = full[lane].plus(LossTotals.of(tokenNll, LossObjective.PRETRAINING.targetWeights(example)));
                }
            }
        }
        answers.addAll(answer(model));
        List<HeldOutMetrics> metrics = new ArrayList<>(lanes);
        for (int lane = 0; lane < lanes; lane++) {
            long correct = answers.get(lane).stream().filter(Generation::correct).count();
            metrics.add(new HeldOutMetrics(response[lane].mean(), full[lane].minus(response[lane]).mean(),
                    full[lane].mean(), answerPairs.isEmpty() ? 0 : (double) correct / answerPairs.size()));
        }
        return metrics;
    }

    /** The batch's next-token NLLs under every lane, row-major (L, B, T − 1). */
    private static float[] nextTokenNll(StackedGpt model, TrainingBatch batch) {
        try (NDScope ignored = new NDScope()) {
            int[] ids = new int[model.lanes() * batch.size() * batch.length()];
            int[] one = batch.ids();
            for (int lane = 0; lane < model.lanes(); lane++) {
                System.arraycopy(one, 0, ids, lane * one.length, one.length);
            }
            return model.nextTokenNll(input(model, ids, batch.size(), batch.length())).toFloatArray();
        }
    }

    /**
     * Greedy answers of every lane to every answered prompt, all generated together: each round appends to every
     * unfinished answer the most likely next token, read at that answer's own last position (rows are padded on the
     * right, and attention is causal, so the padding never changes it), until end-of-text or the length limit.
     */
    private List<List<Generation>> answer(StackedGpt model) {
        int lanes = model.lanes();
        int prompts = answerPrompts.size();
        int context = model.config().context();
        int[][] rows = new int[lanes * prompts][];
        int[] lengths = new int[rows.length];
        boolean[] done = new boolean[rows.length];
        for (int row = 0; row < rows.length; row++) {
            int[] prompt = answerPrompts.get(row % prompts);
            rows[row] = Arrays.copyOf(prompt, prompt.length + maxAnswerTokens);
            lengths[row] = prompt.length;
            done[row] = lengths[row] >= context;
        }
        for (int round = 0; round < maxAnswerTokens && !allTrue(done); round++) {
            int longest = Arrays.stream(lengths).max().orElseThrow();
            long[] next = nextTokens(model, rows, lengths, longest);
            for (int row = 0; row < rows.length; row++) {
                if (done[row]) {
                    continue;
                }
                int token = (int) next[row * longest + lengths[row] - 1];
                if (token == CompactVocabulary.END_OF_TEXT) {
                    done[row] = true;
                } else {
                    rows[row][lengths[row]++] = token;
                    done[row] = lengths[row] >= context;
                }
            }
        }
        List<List<Generation>> answers = new ArrayList<>(lanes);
        for (int lane = 0; lane < lanes; lane++) {
            List<Generation> laneAnswers = new ArrayList<>(prompts);
            for (int p = 0; p < prompts; p++) {
                int row = lane * prompts + p;
                int[] generated = Arrays.copyOfRange(rows[row], answerPrompts.get(p).length, lengths[row]);
                PromptResponsePair pair = answerPairs.get(p);
                laneAnswers.add(new Generation(pair.prompt(), pair.response(), tokenizer.decode(generated)));
            }
            answers.add(laneAnswers);
        }
        return answers;
    }

    /** The most likely next token at every position of every row, row-major (L · prompts, T). */
    private static long[] nextTokens(StackedGpt model, int[][] rows, int[] lengths, int longest) {
        try (NDScope ignored = new NDScope()) {
            int[] ids = new int[rows.length * longest];                                   // 0 is the pad token
            for (int row = 0; row < rows.length; row++) {
                System.arraycopy(rows[row], 0, ids, row * longest, lengths[row]);
            }
            int perLane = rows.length / model.lanes();
            return model.logits(input(model, ids, perLane, longest)).argMax(-1).toLongArray(); // (L, P, T)
        }
    }

    private static NDArray input(StackedGpt model, int[] ids, int rowsPerLane, int length) {
        NDManager manager = model.manager();
        return manager.create(ids, new Shape(model.lanes(), rowsPerLane, length)).toType(DataType.INT64, false); // (L, B, T)
    }

    private static boolean allTrue(boolean[] values) {
        for (boolean value : values) {
            if (!value) {
                return false;
            }
        }
        return true;
    }
}
