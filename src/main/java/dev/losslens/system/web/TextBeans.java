package dev.losslens.system.web;

import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.Tokenizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain-Java tokenizer and template as shared beans. */
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
}
