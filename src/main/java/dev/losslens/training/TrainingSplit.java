package dev.losslens.training;

import dev.losslens.conversation.AnswerSpan;
import dev.losslens.conversation.TokenizedConversation;
import dev.losslens.text.TokenizedExample;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A training split as the lanes of a comparison read it: the same token ids in the same order, with the roles each
 * answer span gives them. Lanes take the same batches and differ only in which targets their objective counts.
 */
public final class TrainingSplit {

    private final Map<AnswerSpan, List<TokenizedExample>> bySpan;
    private final int medianPromptLength;

    private TrainingSplit(Map<AnswerSpan, List<TokenizedExample>> bySpan) {
        this.bySpan = bySpan;
        List<TokenizedExample> examples = bySpan.get(AnswerSpan.EVERY_TURN);
        this.medianPromptLength = examples.stream().mapToInt(TokenizedExample::promptLength).sorted()
                .skip(examples.size() / 2).findFirst().orElse(0);
    }

    /** Rendered conversations, each span marking its own assistant tokens as the response. */
    public static TrainingSplit ofConversations(List<TokenizedConversation> conversations) {
        Map<AnswerSpan, List<TokenizedExample>> bySpan = new EnumMap<>(AnswerSpan.class);
        for (AnswerSpan span : AnswerSpan.values()) {
            bySpan.put(span, conversations.stream().map(conversation -> conversation.example(span)).toList());
        }
        return new TrainingSplit(bySpan);
    }

    /**
     * Templated pairs: a pair has one assistant turn, so every-turn and last-turn are the pair itself, and
     * without-end leaves its end-of-text token out of the response.
     */
    public static TrainingSplit ofPairs(List<TokenizedExample> pairs) {
        Map<AnswerSpan, List<TokenizedExample>> bySpan = new EnumMap<>(AnswerSpan.class);
        bySpan.put(AnswerSpan.EVERY_TURN, List.copyOf(pairs));
        bySpan.put(AnswerSpan.LAST_TURN, bySpan.get(AnswerSpan.EVERY_TURN));
        bySpan.put(AnswerSpan.EVERY_TURN_WITHOUT_END, pairs.stream().map(TokenizedExample::withoutEndOfText).toList());
        return new TrainingSplit(bySpan);
    }

    /**
     * The median number of tokens before an example's first response token: the maximum length a truncating pipeline
     * is given, so that cutting from the wrong side drops every answer token of about half the examples.
     */
    public int medianPromptLength() {
        return medianPromptLength;
    }

    public int size() {
        return bySpan.get(AnswerSpan.EVERY_TURN).size();
    }

    /** The examples at {@code positions} with the roles {@code span} gives them. */
    public TrainingBatch batch(AnswerSpan span, int[] positions) {
        return TrainingBatch.of(bySpan.get(span), positions);
    }
}
