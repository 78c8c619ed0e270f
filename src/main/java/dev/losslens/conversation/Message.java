package dev.losslens.conversation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;

/** One turn of a conversation; data files spell it {@code {"role": ..., "content": ...}}, as chat templates read it. */
public record Message(@JsonProperty("role") Speaker speaker, String content) {

    public Message {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(content, "content");
    }

    /** As chat templates read a message: {@code message['role']} and {@code message['content']}. */
    Map<String, Object> asTemplateValue() {
        return Map.of("role", speaker.key(), "content", content);
    }
}
