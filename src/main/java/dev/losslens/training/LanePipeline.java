package dev.losslens.training;

import dev.losslens.conversation.AnswerSpan;
import dev.losslens.objective.LossObjective;
import dev.losslens.text.CompactVocabulary;
import dev.losslens.text.Role;
import dev.losslens.text.TokenizedExample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What happens to a step's examples between the dataset and the loss: each becomes a row of inputs, targets and
 * weights, the targets being the inputs shifted by one and the weights the objective's. A lane with a
 * {@link PipelineBug} builds its rows with that one mistake, as the stack that shipped it did.
 */
public final class LanePipeline {

    /** Rows per micro-batch when a pipeline accumulates gradients. */
    static final int MICRO_BATCH_ROWS = 4;

    private final LossObjective objective;
    private final PipelineBug bug;
    private final int context;

    /** @param bug null for the correct pipeline */
    public LanePipeline(LossObjective objective, PipelineBug bug, int context) {
        this.objective = objective;
        this.bug = bug;
        this.context = context;
    }

    /** One example's tokens on their way to a row: ids, each token's weight as a target, its role, its example. */
    private record Tokens(int[] ids, double[] weights, Role[] roles, int[] sources) {

        static Tokens empty() {
            return new Tokens(new int[0], new double[0], new Role[0], new int[0]);
        }

        Tokens first(int n) {
            return new Tokens(Arrays.copyOf(ids, n), Arrays.copyOf(weights, n), Arrays.copyOf(roles, n),
                    Arrays.copyOf(sources, n));
        }

        Tokens then(Tokens next) {
            int n = ids.length;
            Tokens joined = new Tokens(Arrays.copyOf(ids, n + next.ids.length), Arrays.copyOf(weights, n + next.ids.length),
                    Arrays.copyOf(roles, n + next.ids.length), Arrays.copyOf(sources, n + next.ids.length));
            System.arraycopy(next.ids, 0, joined.ids, n, next.ids.length);
            System.arraycopy(next.weights, 0, joined.weights, n, next.ids.length);
            System.arraycopy(next.roles, 0, joined.roles, n, next.ids.length);
            System.arraycopy(next.sources, 0, joined.sources, n, next.ids.length);
            return joined;
        }
    }

    /**
     * The rows of one step of a comparison: the examples at {@code picked} with the roles {@code span} gives them.
     *
     * @param nextEpochRow the first row the batch order took from the next epoch (see {@link BatchOrder#nextEpochRow})
     */
    public ModelBatch step(TrainingSplit split, AnswerSpan span, int[] picked, int nextEpochRow) {
        return build(split.batch(span, picked), nextEpochRow, split.medianPromptLength());
    }

    /**
     * The batch {@code lane} trained on at {@code step} (from 1) of a comparison, rebuilt from the same seeded order
     * and the same pipeline, for anyone to look at after the run.
     */
    public static ModelBatch replay(TrainingSplit split, LaneSpec lane, int batchSize, long seed, int step, int context) {
        BatchOrder order = new BatchOrder(split.size(), batchSize, seed);
        int[] picked = null;
        for (int s = 1; s <= step; s++) {
            picked = order.next();
        }
        return new LanePipeline(lane.objective(), lane.bug(), context).step(split, lane.span(), picked,
                order.nextEpochRow());
    }

    /** A batch's rows when no epoch ends inside it and nothing is too long: how single networks train. */
    public ModelBatch build(TrainingBatch batch) {
        return build(batch, batch.size(), Integer.MAX_VALUE);
    }

    /**
     * The step's rows as the model trains on them.
     *
     * @param nextEpochRow the first row of {@code batch} that the batch order took from the next epoch (the batch's
     *                     size when none did)
     * @param maxLength    the length a truncating pipeline cuts examples to
     */
    ModelBatch build(TrainingBatch batch, int nextEpochRow, int maxLength) {
        List<Tokens> rows = new ArrayList<>();
        int answersCut = 0;
        for (int b = 0; b < batch.size(); b++) {
            TokenizedExample example = batch.examples().get(b);
            Tokens tokens = tokens(example, b);
            if (bug == PipelineBug.EMPTY_MICRO_BATCH && b >= nextEpochRow) {
                // the loader ends the epoch and fills the batch with padding rows instead of starting the next one
                tokens = Tokens.empty();
            }
            if (bug == PipelineBug.TRUNCATED_FROM_THE_RIGHT && tokens.ids.length > maxLength) {
                answersCut += responseTokens(example.roles(), maxLength);
                tokens = tokens.first(maxLength);
            }
            rows.add(tokens);
        }
        if (bug == PipelineBug.PACKED_WITHOUT_BOUNDARIES) {
            rows = packed(rows);
        }
        boolean shifted = bug != PipelineBug.LABELS_NOT_SHIFTED;
        int longest = rows.stream().mapToInt(row -> row.ids.length).max().orElse(1);
        int length = Math.max(1, shifted ? longest - 1 : longest);
        int micro = bug == PipelineBug.MEAN_OF_MICRO_BATCH_MEANS || bug == PipelineBug.EMPTY_MICRO_BATCH
                ? microBatches(rows.size()) : 1;
        return assembled(rows, length, shifted, micro, answersCut);
    }

    private Tokens tokens(TokenizedExample example, int source) {
        double[] weights = objective.targetWeights(example);
        for (int t = 1; t < weights.length && bug != null; t++) {
            weights[t] = switch (bug) {
                // the rewrite builds labels from the ids alone, with no mask: every target counts
                case MASK_DROPPED -> 1;
                // a template without a generation block gives an all-zero assistant mask
                case NO_GENERATION_BLOCK -> 0;
                // the pad id is the end-of-text id, and the collator ignores every pad id it finds among the labels
                case END_OF_TEXT_MASKED -> example.id(t) == CompactVocabulary.END_OF_TEXT ? 0 : weights[t];
                default -> weights[t];
            };
        }
        int[] sources = new int[example.length()];
        Arrays.fill(sources, source);
        return new Tokens(example.ids(), weights, example.roles(), sources);
    }

    /** Response tokens at or after {@code from}: what cutting there drops. */
    private static int responseTokens(Role[] roles, int from) {
        int n = 0;
        for (int t = from; t < roles.length; t++) {
            if (roles[t] == Role.RESPONSE) {
                n++;
            }
        }
        return n;
    }

    /**
     * Rows joined end to end, in order, into rows of at most the context: one causal attention span over several
     * examples, positions counting on across them, and no mask between them.
     */
    private List<Tokens> packed(List<Tokens> rows) {
        List<Tokens> packed = new ArrayList<>();
        Tokens current = Tokens.empty();
        for (Tokens row : rows) {
            if (current.ids.length > 0 && current.ids.length + row.ids.length > context) {
                packed.add(current);
                current = Tokens.empty();
            }
            current = current.then(row);
        }
        packed.add(current);
        return packed;
    }

    /** Groups of {@value #MICRO_BATCH_ROWS} rows when the rows divide into them, else the largest even split. */
    private static int microBatches(int rows) {
        for (int size = MICRO_BATCH_ROWS; size > 1; size--) {
            if (rows % size == 0) {
                return rows / size;
            }
        }
        return 1;
    }

    private ModelBatch assembled(List<Tokens> rows, int length, boolean shifted, int micro, int answersCut) {
        int b = rows.size();
        int[] inputs = new int[b * length];
        int[] targets = new int[b * length];
        float[] weights = new float[b * length];
        Role[] roles = new Role[b * length];
        int[] sources = new int[b * length];
        Arrays.fill(inputs, CompactVocabulary.PAD);
        Arrays.fill(targets, CompactVocabulary.PAD);
        Arrays.fill(sources, -1);
        int shift = shifted ? 1 : 0;
        for (int r = 0; r < b; r++) {
            Tokens row = rows.get(r);
            // a row's last token is read too, as padding's neighbour: nothing after it is a target
            for (int p = 0; p < Math.min(row.ids.length, length); p++) {
                int at = r * length + p;
                inputs[at] = row.ids[p];
                sources[at] = row.sources[p];
                int target = p + shift;
                if (target < row.ids.length) {
                    targets[at] = row.ids[target];
                    weights[at] = (float) row.weights[target];
                    roles[at] = row.roles[target];
                }
            }
        }
        float least = bug == PipelineBug.NO_GENERATION_BLOCK ? 1 : 0;
        return new ModelBatch(b, length, inputs, targets, weights, roles, sources, micro, least, answersCut);
    }
}
