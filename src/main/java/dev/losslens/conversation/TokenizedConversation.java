package dev.losslens.conversation;

import dev.losslens.text.Role;
import dev.losslens.text.TokenizedExample;
import java.util.List;

/**
 * A conversation as a template rendered it and the model reads it: the tokens that fit the context, those the
 * context cut off, and where each came from. Any rule for which tokens to train is a predicate over its tokens.
 */
public final class TokenizedConversation {

    private final Conversation conversation;
    private final String text;
    private final List<TurnSpan> turns;
    private final List<ConversationToken> kept;
    private final List<ConversationToken> cut;

    TokenizedConversation(Conversation conversation, String text, List<TurnSpan> turns, List<ConversationToken> tokens,
                          int maxTokens) {
        this.conversation = conversation;
        this.text = text;
        this.turns = List.copyOf(turns);
        int keep = Math.min(maxTokens, tokens.size());
        this.kept = List.copyOf(tokens.subList(0, keep));
        this.cut = List.copyOf(tokens.subList(keep, tokens.size()));
    }

    public Conversation conversation() {
        return conversation;
    }

    /** The template's output. */
    public String text() {
        return text;
    }

    /** The tokens the model reads, the beginning-of-sequence token first. */
    public List<ConversationToken> tokens() {
        return kept;
    }

    /** The tokens the context cut off the end. */
    public List<ConversationToken> cut() {
        return cut;
    }

    public int length() {
        return kept.size();
    }

    public int[] ids() {
        return kept.stream().mapToInt(ConversationToken::id).toArray();
    }

    /** Per token: whether a rule trains it. Token 0 is never a target: nothing predicts it. */
    public boolean[] trained(MaskRule rule) {
        boolean[] trained = new boolean[kept.size()];
        for (int t = 1; t < trained.length; t++) {
            trained[t] = rule.trains(kept.get(t), conversation.lastAnswerIndex());
        }
        return trained;
    }

    /** The conversation as an example whose response is what {@code span} covers; the rest is prompt. */
    public TokenizedExample example(AnswerSpan span) {
        Role[] roles = new Role[kept.size()];
        for (int t = 0; t < roles.length; t++) {
            roles[t] = span.trains(kept.get(t), conversation.lastAnswerIndex()) ? Role.RESPONSE : Role.PROMPT;
        }
        return new TokenizedExample(ids(), roles);
    }

    /** What the model is given to write the last answer: every token before it, the generation prompt included. */
    public int[] promptIds() {
        return kept.stream().filter(token -> !token.completion()).mapToInt(ConversationToken::id).toArray();
    }

    public String lastAnswer() {
        return conversation.lastAnswer();
    }

    /** Messages whose content the template did not write as given (it left them out or changed them). */
    List<Integer> missingMessages() {
        return turns.stream().filter(turn -> !turn.found()).map(TurnSpan::message).toList();
    }

    List<TurnSpan> turns() {
        return turns;
    }
}
