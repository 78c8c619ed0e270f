package dev.losslens.quiz.bank;

import dev.losslens.conversation.ChatTemplate;
import dev.losslens.conversation.ChatTemplates;
import dev.losslens.conversation.Conversation;
import dev.losslens.conversation.TemplateException;
import dev.losslens.conversation.TemplateRenderer;
import dev.losslens.conversation.TokenizedConversation;
import dev.losslens.model.ModelConfig;
import dev.losslens.text.Tokenizer;
import java.util.stream.Collectors;

/** Renders the bank's conversations with the bundled chat templates, once per reading of a bank file. */
final class BankConversations {

    private final ChatTemplates templates = ChatTemplates.bundled();
    private final TemplateRenderer renderer;

    BankConversations(Tokenizer tokenizer) {
        this.renderer = new TemplateRenderer(tokenizer);
    }

    /**
     * The conversation as the named bundled template renders it, whole within the model's context.
     *
     * @throws IllegalArgumentException saying what is wrong, for the bank's complaint
     */
    TokenizedConversation render(String template, Conversation conversation) {
        ChatTemplate chat = templates.find(template).orElseThrow(() -> new IllegalArgumentException(
                "template must be one of " + templates.templates().stream().map(ChatTemplate::name)
                        .collect(Collectors.joining(", ")) + ", was '" + template + "'"));
        TokenizedConversation rendered;
        try {
            rendered = renderer.render(chat, conversation, ModelConfig.CONTEXT);
        } catch (TemplateException e) {
            throw new IllegalArgumentException("the template '" + template + "' cannot render the conversation: "
                    + e.getMessage(), e);
        }
        if (!rendered.cut().isEmpty()) {
            throw new IllegalArgumentException("the conversation does not fit the model's context of "
                    + ModelConfig.CONTEXT + " tokens under the template '" + template + "'");
        }
        return rendered;
    }
}
