package dev.losslens.dataset;

import dev.losslens.conversation.Conversation;
import dev.losslens.conversation.Message;
import dev.losslens.conversation.Speaker;
import java.util.List;

/** One line of a conversation dataset as JSONL spells it: {@code {"messages": [{"role": ..., "content": ...}]}}. */
record ConversationLine(List<Turn> messages) {

    record Turn(Speaker role, String content) {
    }

    Conversation conversation() {
        return new Conversation(messages.stream().map(turn -> new Message(turn.role(), turn.content())).toList());
    }
}
