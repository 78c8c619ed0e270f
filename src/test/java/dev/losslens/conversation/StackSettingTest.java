package dev.losslens.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.text.Tokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each stack's rule pinned to a golden example written from its documented behaviour: the ChatML-style template on a
 * two-question conversation, the trained tokens read back as text.
 */
class StackSettingTest {

    private static final Tokenizer TOKENIZER = Tokenizer.bundled();
    private static final ChatTemplates TEMPLATES = ChatTemplates.bundled();
    private static final TemplateRenderer RENDERER = new TemplateRenderer(TOKENIZER);

    private static final Conversation TWO_QUESTIONS = new Conversation(List.of(
            new Message(Speaker.USER, "What is 12 plus 7?"), new Message(Speaker.ASSISTANT, "19"),
            new Message(Speaker.USER, "What is 19 plus 5?"), new Message(Speaker.ASSISTANT, "24")));

    private static String trained(String template, MaskRule rule) {
        TokenizedConversation conversation = RENDERER.render(TEMPLATES.get(template), TWO_QUESTIONS, 128);
        boolean[] trained = conversation.trained(rule);
        StringBuilder text = new StringBuilder();
        for (int t = 0; t < trained.length; t++) {
            text.append(trained[t] ? conversation.tokens().get(t).text() : "·");
        }
        return text.toString().replaceAll("·+", "·");
    }

    private static final String WHOLE = "·<|im_start|>user\nWhat is 12 plus 7?<|im_end|>\n<|im_start|>assistant\n"
            + "19<|im_end|>\n<|im_start|>user\nWhat is 19 plus 5?<|im_end|>\n<|im_start|>assistant\n24<|im_end|>\n";

    @Test
    void trlTrainsEverythingByDefaultTheCompletionOrTheGenerationBlocks() {
        assertThat(trained("chatml", StackSetting.TRL_DEFAULT)).isEqualTo(WHOLE);
        assertThat(trained("chatml", StackSetting.TRL_COMPLETION_ONLY)).isEqualTo("·24<|im_end|>\n");
        assertThat(trained("chatml", StackSetting.TRL_ASSISTANT_ONLY)).isEqualTo("·19<|im_end|>·24<|im_end|>·");
        assertThat(trained("chatml-no-generation", StackSetting.TRL_ASSISTANT_ONLY)).isEqualTo("·");
    }

    @Test
    void axolotlTrainsAnswerContentAndTheEndOfTurnTokensItsTrainOnEosNames() {
        assertThat(trained("chatml", StackSetting.AXOLOTL_EOS_TURN)).isEqualTo("·19<|im_end|>·24<|im_end|>·");
        assertThat(trained("chatml", StackSetting.AXOLOTL_EOS_ALL))
                .isEqualTo("·<|im_end|>·19<|im_end|>·<|im_end|>·24<|im_end|>·");
        assertThat(trained("chatml", StackSetting.AXOLOTL_EOS_LAST)).isEqualTo("·19·24<|im_end|>·");
        assertThat(trained("chatml", StackSetting.AXOLOTL_TRAIN_ON_INPUTS)).isEqualTo(WHOLE);
    }

    @Test
    void llamaFactoryTrainsEachAnswerWithWhatFollowsItOrOnlyTheLastWithMaskHistory() {
        assertThat(trained("chatml", StackSetting.LLAMA_FACTORY_DEFAULT)).isEqualTo("·19<|im_end|>\n·24<|im_end|>\n");
        assertThat(trained("chatml", StackSetting.LLAMA_FACTORY_MASK_HISTORY)).isEqualTo("·24<|im_end|>\n");
        assertThat(trained("chatml", StackSetting.LLAMA_FACTORY_TRAIN_ON_PROMPT)).isEqualTo(WHOLE);
    }

    @Test
    void torchtuneTrainsWholeAssistantMessagesTheirHeadersIncluded() {
        assertThat(trained("chatml", StackSetting.TORCHTUNE_TRAIN_ON_ALL)).isEqualTo(WHOLE);
        assertThat(trained("chatml", StackSetting.TORCHTUNE_TRAIN_ON_ASSISTANT))
                .isEqualTo("·<|im_start|>assistant\n19<|im_end|>\n·<|im_start|>assistant\n24<|im_end|>\n");
        assertThat(trained("chatml", StackSetting.TORCHTUNE_TRAIN_ON_LAST))
                .isEqualTo("·<|im_start|>assistant\n24<|im_end|>\n");
    }

    @Test
    void lossLensSpansTrainEveryAnswerTheLastOrTheAnswersWithoutTheirEnd() {
        assertThat(trained("llama3", AnswerSpan.EVERY_TURN)).isEqualTo("·19<|eot_id|>·");
        assertThat(trained("chatml", AnswerSpan.EVERY_TURN)).isEqualTo("·19<|im_end|>·24<|im_end|>·");
        assertThat(trained("chatml", AnswerSpan.LAST_TURN)).isEqualTo("·24<|im_end|>·");
        assertThat(trained("chatml", AnswerSpan.EVERY_TURN_WITHOUT_END)).isEqualTo("·19·24·");
    }

    @Test
    void theLlamaStyleTemplateBeginsWithItsOwnBeginTokenAndCutsTheSecondAnswerAtTheContext() {
        TokenizedConversation conversation = RENDERER.render(TEMPLATES.get("llama3"), TWO_QUESTIONS, 128);
        assertThat(conversation.tokens().get(0).text()).isEqualTo("<|begin_of_text|>");
        assertThat(conversation.length()).isEqualTo(128);
        assertThat(conversation.cut()).extracting(ConversationToken::text).contains("24", "<|eot_id|>");
    }
}
