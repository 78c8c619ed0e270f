package dev.losslens.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.losslens.dataset.PromptResponsePair;
import dev.losslens.model.Scoring;
import dev.losslens.model.TinyGpt;
import dev.losslens.objective.LabelShift;
import dev.losslens.objective.LossObjective;
import dev.losslens.objective.LossTotals;
import dev.losslens.text.CompactVocabulary;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.TokenizedExample;
import dev.losslens.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/** Measures a lane on the fixed held-out split. Runs on the training thread, between steps, without gradients. */
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

    HeldOutMetrics measure(TinyGpt model, List<Generation> answers) {
        // every held-out target once; the response and full-sequence objectives only pick which ones count
        LossTotals response = LossTotals.of(0, 0, 0);
        LossTotals full = LossTotals.of(0, 0, 0);
        for (int from = 0; from < heldOut.size(); from += BATCH) {
            TrainingBatch batch = TrainingBatch.of(heldOut.subList(from, Math.min(from + BATCH, heldOut.size())));
            float[] nll = nextTokenNll(model, batch);
            for (int b = 0; b < batch.size(); b++) {
                TokenizedExample example = batch.examples().get(b);
                double[] tokenNll = LabelShift.perToken(nll, b * (batch.length() - 1), example.length());
                response = response.plus(LossTotals.of(tokenNll, LossObjective.INSTRUCTION.targetWeights(example)));
                full = full.plus(LossTotals.of(tokenNll, LossObjective.PRETRAINING.targetWeights(example)));
            }
        }
        answers.addAll(answer(model));
        long correct = answers.stream().filter(Generation::correct).count();
        return new HeldOutMetrics(response.mean(), full.minus(response).mean(), full.mean(),
                answers.isEmpty() ? 0 : (double) correct / answers.size());
    }

    private static float[] nextTokenNll(TinyGpt model, TrainingBatch batch) {
        try (NDScope ignored = new NDScope()) {
            NDArray ids = model.weights().manager().create(batch.ids(), new Shape(batch.size(), batch.length()))
                    .toType(DataType.INT64, false);                                // (B, T)
            return model.nextTokenNll(ids).toFloatArray();                         // (B, T−1) row-major
        }
    }

    private List<Generation> answer(TinyGpt model) {
        List<Generation> answers = new ArrayList<>(answerPrompts.size());
        for (int i = 0; i < answerPrompts.size(); i++) {
            int[] generated = Scoring.greedy(model, answerPrompts.get(i), maxAnswerTokens, CompactVocabulary.END_OF_TEXT);
            PromptResponsePair pair = answerPairs.get(i);
            answers.add(new Generation(pair.prompt(), pair.response(), tokenizer.decode(generated)));
        }
        return answers;
    }
}
