package dev.losslens.quiz.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslens.NamedFile;
import dev.losslens.conversation.ConversationToken;
import dev.losslens.conversation.StackSetting;
import dev.losslens.conversation.TokenizedConversation;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.Tokenizer;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The course's conversations concept: its items, and mark-the-trained-tokens keys that are the stacks' own rules. */
class ConversationItemsTest {

    private static final Tokenizer TOKENIZER = Tokenizer.bundled();
    private static final QuizBank BANK = new QuizBank(new InstructionTemplate(TOKENIZER), TOKENIZER);

    private static MarkTrainedItem item(String id) {
        return (MarkTrainedItem) BANK.item(id).orElseThrow();
    }

    /** The key's tokens read back as text. */
    private static String key(MarkTrainedItem item) {
        return item.trained().stream().map(t -> item.conversation().tokens().get(t).text()).collect(Collectors.joining());
    }

    @Test
    void theConceptHasItsExplanationViewPresetAndAtLeastSixItemsOfSeveralKinds() {
        Concept concept = BANK.concept("conversations-and-templates").orElseThrow();

        assertThat(concept.title()).isEqualTo("Conversations and templates");
        assertThat(String.join(" ", concept.explanation())).contains("{% generation %}", "trl #5470", "mask_history",
                "train_on_last", "never learns to stop");
        assertThat(concept.explore()).isEqualTo("/explore/conversations");
        assertThat(concept.preset()).isEqualTo("conversation-turns");
        assertThat(concept.items()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(concept.items()).extracting(QuizItem::kind).contains(QuizItem.Kind.MARK_TRAINED,
                QuizItem.Kind.CHOICE, QuizItem.Kind.TRUE_FALSE, QuizItem.Kind.PREDICT);
    }

    @Test
    void everyKeyIsItsStackSettingsRuleOnTheRenderedConversation() {
        List<MarkTrainedItem> items = BANK.items().stream().filter(MarkTrainedItem.class::isInstance)
                .map(MarkTrainedItem.class::cast).toList();
        assertThat(items).hasSizeGreaterThanOrEqualTo(4);
        for (MarkTrainedItem item : items) {
            TokenizedConversation conversation = item.conversation();
            List<ConversationToken> tokens = conversation.tokens();
            int last = conversation.conversation().lastAnswerIndex();
            assertThat(item.trained()).as(item.id()).isEqualTo(IntStream.range(1, tokens.size())
                    .filter(t -> item.setting().trains(tokens.get(t), last)).boxed().toList());
            assertThat(conversation.conversation().messages()).as("short enough for a phone").hasSize(2);
        }
    }

    @Test
    void trlsAssistantOnlyLossTrainsTheAnswerAndItsEndOfTurnTokenOnlyWhenTheTemplateHasGenerationBlocks() {
        MarkTrainedItem chatml = item("conv-mark-trl-assistant");
        assertThat(chatml.setting()).isEqualTo(StackSetting.TRL_ASSISTANT_ONLY);
        assertThat(chatml.template()).isEqualTo("chatml");
        assertThat(key(chatml)).isEqualTo("Paris<|im_end|>");
        assertThat(chatml.conversation().tokens().get(chatml.trained().get(chatml.trained().size() - 1)).text())
                .isEqualTo("<|im_end|>");

        assertThat(item("conv-mark-no-generation").trained()).as("trl #5470: an empty mask").isEmpty();
        assertThat(key(item("conv-mark-torchtune-assistant"))).isEqualTo("<|im_start|>assistant\nmice<|im_end|>\n");
        assertThat(key(item("conv-mark-llama-factory"))).isEqualTo("tac<|im_end|>\n");
    }

    private static String concept(String markTrained) {
        String choice = """
                {"id": "%s", "kind": "choice", "stem": "Which?", "options": [
                  {"text": "A", "correct": true, "feedback": "Yes."}, {"text": "B", "correct": false, "feedback": "No."}]}""";
        return """
                {"concept": "demo", "title": "Demo", "explanation": ["One."], "explore": "/explore",
                 "preset": "objective-from-base", "items": [%s, %s, %s, %s]}""".formatted(choice.formatted("a"),
                choice.formatted("b"), choice.formatted("c"), markTrained);
    }

    private static String markTrained(String lastRole, String template, String setting) {
        return """
                {"id": "m", "kind": "mark-trained", "template": "%s", "setting": "%s", "feedback": "x",
                 "conversation": [{"role": "user", "content": "Hi?"}, {"role": "%s", "content": "Hello"}]}"""
                .formatted(template, setting, lastRole);
    }

    private static QuizBank bank(String item) {
        return new QuizBank(new InstructionTemplate(TOKENIZER), TOKENIZER,
                List.of(NamedFile.of("01-demo.json", concept(item))));
    }

    @Test
    void aBadConversationItemStopsStartUpSayingWhatIsWrong() {
        assertThat(((MarkTrainedItem) bank(markTrained("assistant", "chatml", "axolotl-eos-turn")).item("m")
                .orElseThrow()).trained()).isNotEmpty();

        assertThatThrownBy(() -> bank(markTrained("assistant", "chatml", "trl-everything")))
                .isInstanceOf(QuizBankException.class).hasMessageContaining("item m")
                .hasMessageContaining("setting must be one of trl-default, ");
        assertThatThrownBy(() -> bank(markTrained("assistant", "mistral", "trl-default")))
                .hasMessageContaining("template must be one of chatml, llama3, ").hasMessageContaining("'mistral'");
        assertThatThrownBy(() -> bank(markTrained("robot", "chatml", "trl-default")))
                .hasMessageContaining("role must be one of system, user, assistant, was 'robot'");
        assertThatThrownBy(() -> bank(markTrained("user", "chatml", "trl-default")))
                .hasMessageContaining("a conversation ends with an assistant message");
        String tooLong = markTrained("assistant", "chatml", "trl-default").replace("Hello", "word ".repeat(200));
        assertThatThrownBy(() -> bank(tooLong)).hasMessageContaining("does not fit the model's context of 128 tokens");
    }
}
