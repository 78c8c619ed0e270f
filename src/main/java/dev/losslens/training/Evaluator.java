package dev.losslens.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.losslens.conversation.AnswerSpan;
import dev.losslens.conversation.Conversation;
import dev.losslens.conversation.Message;
import dev.losslens.conversation.TokenizedConversation;
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
import java.util.stream.Collectors;

/**
 * Measures lanes on the fixed held-out split, every lane of a comparison in one pass. Runs on the training thread,
 * between steps, without gradients.
 */
public final class Evaluator {

    private static final int BATCH = 32;

    private final List<HeldOutItem> heldOut;
    private final List<HeldOutItem> answered;
    private final int maxAnswerTokens;
    private final Tokenizer tokenizer;

    /**
     * One held-out item: its tokens with the answer measured as response ({@code lastTurn}) and with every assistant
     * turn as response ({@code everyTurn}), the same ids; what the model is given to answer, and the answer expected.
     *
     * @param prompt the prompt as the run page shows it
     */
    private record HeldOutItem(TokenizedExample lastTurn, TokenizedExample everyTurn, int[] promptIds, String prompt,
                               String expected) {
    }

    /**
     * @param answered how many held-out prompts (the first ones, always the same) are answered for exact match
     */
    public Evaluator(List<PromptResponsePair> heldOutPairs, int answered, InstructionTemplate template, Tokenizer tokenizer) {
        this(heldOutPairs.stream().map(pair -> {
            TokenizedExample example = template.render(pair.prompt(), pair.response());
            return new HeldOutItem(example, example, template.promptIds(pair.prompt()), pair.prompt(), pair.response());
        }).toList(), answered, tokenizer);
    }

    private Evaluator(List<HeldOutItem> heldOut, int answered, Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
        this.heldOut = heldOut;
        this.answered = heldOut.subList(0, Math.min(answered, heldOut.size()));
        // an answer longer than the longest expected one is wrong anyway; stopping there keeps evaluation cheap
        this.maxAnswerTokens = this.answered.stream().mapToInt(item -> tokenizer.encode(item.expected()).length).max()
                .orElse(0) + 2;
    }

    /**
     * Held-out conversations: the response NLL is measured on the last assistant turn, beside the NLL of every
     * assistant turn, and the last answer is what greedy generation from the rest must write. The page shows each
     * prompt as its messages' contents.
     */
    public static Evaluator ofConversations(List<TokenizedConversation> heldOut, int answered, Tokenizer tokenizer) {
        return new Evaluator(heldOut.stream().map(conversation -> new HeldOutItem(
                conversation.example(AnswerSpan.LAST_TURN), conversation.example(AnswerSpan.EVERY_TURN),
                conversation.promptIds(), shown(conversation.conversation()), conversation.lastAnswer())).toList(),
                answered, tokenizer);
    }

    private static String shown(Conversation conversation) {
        return conversation.messages().subList(0, conversation.lastAnswerIndex()).stream().map(Message::content)
                .collect(Collectors.joining(" / "));
    }

    /** Every lane's metrics, in lane order; {@code answers} receives each lane's greedy answers, in lane order. */
    List<HeldOutMetrics> measure(StackedGpt model, List<List<Generation>> answers) {
        int lanes = model.lanes();
        // every held-out target once; the response and full-sequence objectives only pick which ones count
        LossTotals[] response = new LossTotals[lanes];
        LossTotals[] turns = new LossTotals[lanes];
        LossTotals[] full = new LossTotals[lanes];
        Arrays.fill(response, LossTotals.of(0, 0, 0));
        Arrays.fill(turns, LossTotals.of(0, 0, 0));
        Arrays.fill(full, LossTotals.of(0, 0, 0));
        for (int from = 0; from < heldOut.size(); from += BATCH) {
            List<HeldOutItem> items = heldOut.subList(from, Math.min(from + BATCH, heldOut.size()));
            TrainingBatch batch = TrainingBatch.of(items.stream().map(HeldOutItem::lastTurn).toList());
            float[] nll = nextTokenNll(model, batch);
            for (int lane = 0; lane < lanes; lane++) {
                for (int b = 0; b < batch.size(); b++) {
                    HeldOutItem item = items.get(b);
                    int offset = (lane * batch.size() + b) * (batch.length() - 1);
                    double[] tokenNll = LabelShift.perToken(nll, offset, item.lastTurn().length());
                    response[lane] = response[lane].plus(
                            LossTotals.of(tokenNll, LossObjective.INSTRUCTION.targetWeights(item.lastTurn())));
                    turns[lane] = turns[lane].plus(
                            LossTotals.of(tokenNll, LossObjective.INSTRUCTION.targetWeights(item.everyTurn())));
                    full[lane] = full[lane].plus(
                            LossTotals.of(tokenNll, LossObjective.PRETRAINING.targetWeights(item.lastTurn())));
                }
            }
        }
        answers.addAll(answer(model));
        List<HeldOutMetrics> metrics = new ArrayList<>(lanes);
        for (int lane = 0; lane < lanes; lane++) {
            long correct = answers.get(lane).stream().filter(Generation::correct).count();
            long stopped = answers.get(lane).stream().filter(Generation::stopped).count();
            metrics.add(new HeldOutMetrics(response[lane].mean(), turns[lane].mean(),
                    full[lane].minus(response[lane]).mean(), full[lane].mean(), share(correct), share(stopped)));
        }
        return metrics;
    }

    private double share(long answers) {
        return answered.isEmpty() ? 0 : (double) answers / answered.size();
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
     * right, and attention is causal, so the padding never changes it), until end-of-text (a conversation's
     * end-of-turn is that token too) or the length limit.
     */
    private List<List<Generation>> answer(StackedGpt model) {
        int lanes = model.lanes();
        int prompts = answered.size();
        int context = model.config().context();
        int[][] rows = new int[lanes * prompts][];
        int[] lengths = new int[rows.length];
        boolean[] done = new boolean[rows.length];
        boolean[] stopped = new boolean[rows.length];
        for (int row = 0; row < rows.length; row++) {
            int[] prompt = answered.get(row % prompts).promptIds();
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
                    stopped[row] = true;
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
                HeldOutItem item = answered.get(p);
                int[] generated = Arrays.copyOfRange(rows[row], item.promptIds().length, lengths[row]);
                laneAnswers.add(new Generation(item.prompt(), item.expected(), tokenizer.decode(generated), stopped[row]));
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
