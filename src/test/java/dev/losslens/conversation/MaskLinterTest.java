package dev.losslens.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.conversation.LintWarning.Kind;
import dev.losslens.text.Tokenizer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each of the six warnings raised by a bundled bad template or conversation, and none on the good ones. */
class MaskLinterTest {

    private static final Tokenizer TOKENIZER = Tokenizer.bundled();
    private static final ChatTemplates TEMPLATES = ChatTemplates.bundled();
    private static final TemplateRenderer RENDERER = new TemplateRenderer(TOKENIZER);
    private static final MaskLinter LINTER = new MaskLinter(TOKENIZER);

    private static List<LintWarning> lint(String template, String example, MaskRule rule) {
        return LINTER.lint(RENDERER.render(TEMPLATES.get(template), TEMPLATES.examples().get(example), 128), rule);
    }

    private static List<Kind> kinds(String template, String example, MaskRule rule) {
        return lint(template, example, rule).stream().map(LintWarning::kind).toList();
    }

    @Test
    void theGoodTemplatesAreSilentOnTheConversationsThatFitUnderEveryAnswersOnlySetting() {
        for (String template : List.of("chatml", "llama3")) {
            String example = template.equals("chatml") ? "with-system" : "one-turn";
            for (MaskRule rule : List.of(StackSetting.TRL_ASSISTANT_ONLY, StackSetting.TRL_COMPLETION_ONLY,
                    StackSetting.AXOLOTL_EOS_TURN, StackSetting.LLAMA_FACTORY_DEFAULT,
                    StackSetting.TORCHTUNE_TRAIN_ON_ASSISTANT, AnswerSpan.EVERY_TURN, AnswerSpan.LAST_TURN)) {
                assertThat(kinds(template, example, rule)).as(template + " " + rule).isEmpty();
            }
        }
        assertThat(kinds("chatml", "two-turns", StackSetting.TRL_ASSISTANT_ONLY)).isEmpty();
    }

    @Test
    void aTemplateWithoutGenerationBlocksTrainsNoAnswerUnderAssistantOnlyLoss() {
        LintWarning warning = lint("chatml-no-generation", "two-turns", StackSetting.TRL_ASSISTANT_ONLY).get(0);
        assertThat(warning.kind()).isEqualTo(Kind.NO_ANSWER_TRAINED);
        assertThat(warning.evidence()).containsExactly("19", "24");
    }

    @Test
    void endOfTurnOutsideTheGenerationBlockIsNeverTrained() {
        LintWarning warning = lint("chatml-end-outside-generation", "two-turns", StackSetting.TRL_ASSISTANT_ONLY).get(0);
        assertThat(warning.kind()).isEqualTo(Kind.END_NEVER_TRAINED);
        assertThat(warning.evidence()).containsExactly("<|im_end|>", "<|im_end|>");
        assertThat(kinds("chatml", "two-turns", AnswerSpan.EVERY_TURN_WITHOUT_END)).containsExactly(Kind.END_NEVER_TRAINED);
    }

    @Test
    void anInlineAssistantHeaderTokenizesDifferentlyInContext() {
        LintWarning warning = lint("plain-inline", "two-turns", StackSetting.TRL_COMPLETION_ONLY).stream()
                .filter(w -> w.kind() == Kind.RESPONSE_TEMPLATE_SPLIT).findFirst().orElseThrow();
        int split = warning.evidence().indexOf("≠");
        assertThat(warning.evidence().subList(0, split)).last().isEqualTo(" ");
        assertThat(warning.evidence().subList(split + 1, warning.evidence().size())).last().isEqualTo(" 24");
    }

    @Test
    void aConversationLongerThanTheContextLosesItsWholeAnswer() {
        LintWarning warning = lint("chatml", "too-long", AnswerSpan.EVERY_TURN).stream()
                .filter(w -> w.kind() == Kind.ANSWER_TRUNCATED).findFirst().orElseThrow();
        assertThat(warning.evidence()).startsWith("Only", " the", " response");
        assertThat(warning.positions()).allMatch(position -> position >= 128);
    }

    @Test
    void generationBlocksAroundEveryMessageTrainTheQuestions() {
        LintWarning warning = lint("chatml-generation-everywhere", "with-system", StackSetting.TRL_ASSISTANT_ONLY).get(0);
        assertThat(warning.kind()).isEqualTo(Kind.PROMPT_TRAINED);
        assertThat(String.join("", warning.evidence())).startsWith("<|im_start|>sys");
        assertThat(kinds("chatml-generation-everywhere", "with-system", StackSetting.TRL_DEFAULT))
                .as("a setting that trains everything on purpose").isEmpty();
    }

    @Test
    void aTemplateThatDropsTheSystemMessageLeavesATurnNotFound() {
        LintWarning warning = lint("chatml-drops-system", "with-system", StackSetting.AXOLOTL_EOS_TURN).get(0);
        assertThat(warning.kind()).isEqualTo(Kind.TURN_NOT_FOUND);
        assertThat(warning.evidence()).containsExactly("Answer briefly.");
        assertThat(kinds("chatml-drops-system", "two-turns", StackSetting.AXOLOTL_EOS_TURN)).isEmpty();
    }

    @Test
    void everyWarningIsRaisedBySomeBundledCase() {
        assertThat(Arrays.stream(Kind.values())).allMatch(kind -> TEMPLATES.templates().stream().anyMatch(
                template -> TEMPLATES.examples().keySet().stream().anyMatch(example -> Arrays.stream(StackSetting.values())
                        .anyMatch(rule -> kinds(template.name(), example, rule).contains(kind)))));
    }
}
