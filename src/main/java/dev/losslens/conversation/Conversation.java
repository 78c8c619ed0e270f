package dev.losslens.conversation;

import java.util.List;

/** Turns in order; the last one is the assistant's answer that fine-tuning is about. */
public record Conversation(List<Message> messages) {

    public Conversation {
        messages = List.copyOf(messages);
        if (messages.isEmpty() || messages.get(messages.size() - 1).speaker() != Speaker.ASSISTANT) {
            throw new IllegalArgumentException("a conversation ends with an assistant message");
        }
    }

    /** The index of the last message, the last assistant turn. */
    public int lastAnswerIndex() {
        return messages.size() - 1;
    }

    public String lastAnswer() {
        return messages.get(lastAnswerIndex()).content();
    }
}
