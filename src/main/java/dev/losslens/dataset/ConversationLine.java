package dev.losslens.dataset;

import dev.losslens.conversation.Conversation;
import dev.losslens.conversation.Message;
import java.util.List;

/** One line of a conversation dataset as JSONL spells it: {@code {"messages": [{"role": ..., "content": ...}]}}. */
record ConversationLine(List<Message> messages) {

    Conversation conversation() {
        return new Conversation(messages);
    }
}
