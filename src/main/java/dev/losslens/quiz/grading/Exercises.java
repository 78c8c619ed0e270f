package dev.losslens.quiz.grading;

import dev.losslens.checkpoint.LanguageModels;
import dev.losslens.conversation.ConversationToken;
import dev.losslens.conversation.TokenizedConversation;
import dev.losslens.model.BaseCheckpoint;
import dev.losslens.notation.PlainNumber;
import dev.losslens.objective.LossObjective;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.quiz.bank.ComputeLossItem;
import dev.losslens.quiz.bank.MaskBug;
import dev.losslens.quiz.bank.MaskBugItem;
import dev.losslens.quiz.bank.Pair;
import dev.losslens.text.CompactVocabulary;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.TokenizedExample;
import dev.losslens.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * The token items' material: a pair's real tokenization, and for compute-loss the pre-trained base's per-token losses,
 * rounded to {@value #DECIMALS} decimals as the learner sees them. The answer is computed from exactly the numbers
 * shown, so a careful learner can be exact.
 */
@Component
public class Exercises {

    static final int DECIMALS = 3;
    /** The role of a conversation's token that belongs to no turn: the template's own markup. */
    static final String MARKUP = "template";
    private static final long SCORING_TIMEOUT_SECONDS = 30;

    private final InstructionTemplate template;
    private final Tokenizer tokenizer;
    private final LanguageModels models;
    /** Per (item, variant): the base is fixed, so each is computed once. Bounded by the bank's variants. */
    private final Map<String, double[]> losses = new ConcurrentHashMap<>();

    Exercises(InstructionTemplate template, Tokenizer tokenizer, LanguageModels models) {
        this.template = template;
        this.tokenizer = tokenizer;
        this.models = models;
    }

    TokenizedExample example(Pair pair) {
        return template.render(pair.prompt(), pair.response());
    }

    String text(TokenizedExample example, int position) {
        return tokenizer.piece(example.id(position));
    }

    List<Chip> chips(TokenizedExample example, double[] nll) {
        List<Chip> chips = new ArrayList<>(example.length());
        for (int t = 0; t < example.length(); t++) {
            Double loss = nll == null || t == 0 ? null : nll[t];
            chips.add(new Chip(t, text(example, t), example.role(t).key(), loss, null));
        }
        return chips;
    }

    /** A rendered conversation's tokens; each one's role is who says its turn, {@value #MARKUP} outside every turn. */
    static List<Chip> chips(TokenizedConversation conversation) {
        List<ConversationToken> tokens = conversation.tokens();
        List<Chip> chips = new ArrayList<>(tokens.size());
        for (int t = 0; t < tokens.size(); t++) {
            ConversationToken token = tokens.get(t);
            chips.add(new Chip(t, token.text(), token.speaker() == null ? MARKUP : token.speaker().key(), null, null));
        }
        return chips;
    }

    /** The pair's tokens, padded as in a batch, each with its label under the planted bug. */
    List<Chip> labelled(MaskBugItem item) {
        TokenizedExample example = item.bug().sequence(example(item.pair()));
        List<String> pieces = new ArrayList<>();
        for (int t = 0; t < example.length() + MaskBug.PADDING; t++) {
            pieces.add(t < example.length() ? text(example, t) : tokenizer.piece(CompactVocabulary.END_OF_TEXT));
        }
        List<String> labels = item.bug().labels(example, pieces);
        List<Chip> chips = new ArrayList<>();
        for (int t = 0; t < pieces.size(); t++) {
            chips.add(new Chip(t, pieces.get(t), t < example.length() ? example.role(t).key() : "padding", null,
                    labels.get(t)));
        }
        return chips;
    }

    /** The rounded −log p of every token of the variant's pair under the base; index 0 is unused. */
    double[] losses(ComputeLossItem item, int variant) {
        return losses.computeIfAbsent(item.id() + "#" + variant, key -> rounded(score(example(item.pair(variant)))));
    }

    LossObjective objective(ComputeLossItem item, int variant) {
        return LossObjective.of(item.objective(), item.objective() == ObjectiveKind.WEIGHTED ? item.lambda(variant) : 0);
    }

    public static String number(double value) {
        return PlainNumber.of(value, DECIMALS);
    }

    private double[] score(TokenizedExample example) {
        try {
            return models.score(BaseCheckpoint.ID, example.ids(), 1).get(SCORING_TIMEOUT_SECONDS, TimeUnit.SECONDS).nll();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the base could not score a quiz pair", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring a quiz pair", e);
        }
    }

    private static double[] rounded(double[] nll) {
        double scale = Math.pow(10, DECIMALS);
        double[] shown = new double[nll.length];
        for (int t = 1; t < nll.length; t++) {
            shown[t] = Math.round(nll[t] * scale) / scale;
        }
        return shown;
    }
}
