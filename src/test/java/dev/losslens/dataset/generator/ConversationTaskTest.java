package dev.losslens.dataset.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.conversation.ChatTemplates;
import dev.losslens.conversation.Conversation;
import dev.losslens.conversation.Message;
import dev.losslens.conversation.Speaker;
import dev.losslens.conversation.TemplateRenderer;
import dev.losslens.model.ModelConfig;
import dev.losslens.text.Tokenizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConversationTaskTest {

    private static final GeneratedConversations TASK = ConversationTask.generate();

    private static Stream<Conversation> all() {
        return Stream.concat(TASK.train().stream(), TASK.heldout().stream());
    }

    @Test
    void theSameSeedsWriteTheSameConversations() {
        assertThat(ConversationTask.generate()).isEqualTo(TASK);
        assertThat(TASK.train()).hasSize(300);
        assertThat(TASK.heldout()).hasSize(42);
    }

    @Test
    void everyConversationIsAnOptionalSystemMessageThenAlternatingTurnsEndingWithTheAssistant() {
        assertThat(all()).allSatisfy(conversation -> {
            List<Message> messages = conversation.messages();
            assertThat(messages).hasSizeBetween(2, 5);
            int first = messages.get(0).speaker() == Speaker.SYSTEM ? 1 : 0;
            for (int i = first; i < messages.size(); i++) {
                assertThat(messages.get(i).speaker()).isEqualTo((i - first) % 2 == 0 ? Speaker.USER : Speaker.ASSISTANT);
            }
            assertThat(conversation.lastAnswer()).isNotBlank().hasSizeLessThanOrEqualTo(10);
        });
    }

    @Test
    void noHeldOutConversationIsInTheTrainSplit() {
        Set<Conversation> train = new HashSet<>(TASK.train());
        assertThat(train).hasSameSizeAs(TASK.train());
        assertThat(TASK.heldout()).noneMatch(train::contains);
    }

    @Test
    void everyConversationRenderedWithChatMlFitsTheContextWithRoomToSpare() {
        TemplateRenderer renderer = new TemplateRenderer(Tokenizer.bundled());
        int longest = all().mapToInt(conversation -> renderer.render(ChatTemplates.bundled().get("chatml"), conversation,
                ModelConfig.CONTEXT + 100).length()).max().orElseThrow();
        assertThat(longest).isLessThanOrEqualTo(ModelConfig.CONTEXT - 8);
    }
}
