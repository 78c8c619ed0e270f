package dev.losslens.conversation;

import dev.losslens.notation.Keyed;

/**
 * Which assistant tokens count as the response when a conversation is trained with the instruction objective (the
 * λ-weighted objective gives the rest λ; pre-training counts everything).
 */
public enum AnswerSpan implements Keyed, MaskRule {
    /** Every assistant turn's content and its end-of-turn token. */
    EVERY_TURN,
    /** The last assistant turn only: earlier answers are history, inputs like the questions. */
    LAST_TURN,
    /** Every assistant turn's content, end-of-turn tokens left out: the model is never taught to stop. */
    EVERY_TURN_WITHOUT_END;

    @Override
    public boolean trains(ConversationToken token, int lastAnswer) {
        return switch (this) {
            case EVERY_TURN -> token.answer();
            case LAST_TURN -> token.answer() && token.message() == lastAnswer;
            case EVERY_TURN_WITHOUT_END -> token.assistant() && token.part() == Part.CONTENT;
        };
    }

    @Override
    public boolean answersOnly() {
        return true;
    }

    @Override
    public String toString() {
        return key();
    }
}
