package dev.losslens.system.web;

import dev.losslens.conversation.ChatTemplates;
import dev.losslens.conversation.TemplateRenderer;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.Tokenizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain-Java tokenizer and templates as shared beans. */
@Configuration(proxyBeanMethods = false)
class TextBeans {

    @Bean
    Tokenizer tokenizer() {
        return Tokenizer.bundled();
    }

    @Bean
    InstructionTemplate instructionTemplate(Tokenizer tokenizer) {
        return new InstructionTemplate(tokenizer);
    }

    @Bean
    ChatTemplates chatTemplates() {
        return ChatTemplates.bundled();
    }

    @Bean
    TemplateRenderer templateRenderer(Tokenizer tokenizer) {
        return new TemplateRenderer(tokenizer);
    }
}
