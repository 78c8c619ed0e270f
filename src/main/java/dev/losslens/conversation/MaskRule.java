package dev.losslens.conversation;

/** A rule for which tokens of a conversation are targets. */
public interface MaskRule {

    /** @param lastAnswer the index of the conversation's last message, its last assistant turn */
    boolean trains(ConversationToken token, int lastAnswer);

    /** Whether the rule means to train the assistant's turns only (so a trained question is a bug). */
    boolean answersOnly();
}
