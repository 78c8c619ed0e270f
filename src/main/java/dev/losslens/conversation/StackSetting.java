package dev.losslens.conversation;

import dev.losslens.notation.Keyed;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One setting of one training stack and the labels it produces for a rendered conversation, written from each stack's
 * documented behaviour. Each rule reads only where a token stands (its turn, its part, inside a
 * {@code {% generation %}} block or not, before or after TRL's prompt), so all of them apply to any template.
 */
public enum StackSetting implements Keyed, MaskRule {

    /** SFTTrainer on conversational data with neither option: language modelling on every token. */
    TRL_DEFAULT(Stack.TRL, "assistant_only_loss=False", false, "https://huggingface.co/docs/trl/sft_trainer#train-on-assistant-messages-only"),
    /** Prompt-completion data: the prompt is every message before the last answer plus the generation prompt. */
    TRL_COMPLETION_ONLY(Stack.TRL, "completion_only_loss=True (as prompt/completion data)", true, "https://huggingface.co/docs/trl/sft_trainer#train-on-completion-only"),
    /** The template's {@code {% generation %}} blocks, through {@code return_assistant_tokens_mask}. */
    TRL_ASSISTANT_ONLY(Stack.TRL, "assistant_only_loss=True", true, "https://github.com/huggingface/trl/issues/5470"),
    /** Content of the assistant's turns, and the end-of-turn token of each trained turn (the default). */
    AXOLOTL_EOS_TURN(Stack.AXOLOTL, "roles_to_train: [assistant], train_on_eos: turn", true, "https://github.com/axolotl-ai-cloud/axolotl/pull/1756"),
    /** Content of the assistant's turns, and every turn's end-of-turn token, the questions' included. */
    AXOLOTL_EOS_ALL(Stack.AXOLOTL, "roles_to_train: [assistant], train_on_eos: all", true, "https://github.com/axolotl-ai-cloud/axolotl/pull/1847"),
    /** Content of the assistant's turns, and only the last turn's end-of-turn token. */
    AXOLOTL_EOS_LAST(Stack.AXOLOTL, "roles_to_train: [assistant], train_on_eos: last", true, "https://github.com/axolotl-ai-cloud/axolotl/pull/1847"),
    /** Everything, as in pre-training. */
    AXOLOTL_TRAIN_ON_INPUTS(Stack.AXOLOTL, "train_on_inputs: true", false, "https://docs.axolotl.ai/docs/dataset-formats/conversation.html"),
    /** Each answer with what the template writes after it (end-of-turn token and line break); prompts masked. */
    LLAMA_FACTORY_DEFAULT(Stack.LLAMA_FACTORY, "train_on_prompt: false, mask_history: false", true, "https://github.com/hiyouga/LLaMA-Factory/issues/10827"),
    /** The last answer only: earlier answers are history. */
    LLAMA_FACTORY_MASK_HISTORY(Stack.LLAMA_FACTORY, "mask_history: true", true, "https://github.com/hiyouga/LLaMA-Factory/pull/4777"),
    /** Prompts trained as well. */
    LLAMA_FACTORY_TRAIN_ON_PROMPT(Stack.LLAMA_FACTORY, "train_on_prompt: true", false, "https://github.com/hiyouga/LLaMA-Factory/pull/4777"),
    /** Nothing masked. */
    TORCHTUNE_TRAIN_ON_ALL(Stack.TORCHTUNE, "masking_strategy: train_on_all", false, "https://docs.pytorch.org/torchtune/stable/generated/torchtune.data.mask_messages.html"),
    /** Whole assistant messages: the role header and the end-of-turn token go with the message. */
    TORCHTUNE_TRAIN_ON_ASSISTANT(Stack.TORCHTUNE, "masking_strategy: train_on_assistant", true, "https://docs.pytorch.org/torchtune/stable/generated/torchtune.data.mask_messages.html"),
    /** The last assistant message only, header and end-of-turn token included. */
    TORCHTUNE_TRAIN_ON_LAST(Stack.TORCHTUNE, "masking_strategy: train_on_last", true, "https://docs.pytorch.org/torchtune/stable/generated/torchtune.data.mask_messages.html");

    private static final Pattern GITHUB = Pattern.compile("https://github\\.com/[^/]+/([^/]+)/(?:issues|pull)/(\\d+)");

    private final Stack stack;
    private final String setting;
    private final boolean answersOnly;
    private final String source;

    StackSetting(Stack stack, String setting, boolean answersOnly, String source) {
        this.stack = stack;
        this.setting = setting;
        this.answersOnly = answersOnly;
        this.source = source;
    }

    public Stack stack() {
        return stack;
    }

    /** The setting as written in the stack's configuration. */
    public String setting() {
        return setting;
    }

    /** The documentation or issue its rule comes from. */
    public String source() {
        return source;
    }

    /** The source as people cite it: {@code trl #5470} for an issue or pull request, else the documentation's host. */
    public String sourceLabel() {
        Matcher github = GITHUB.matcher(source);
        return github.matches() ? github.group(1).toLowerCase(Locale.ROOT) + " #" + github.group(2)
                : URI.create(source).getHost();
    }

    @Override
    public boolean answersOnly() {
        return answersOnly;
    }

    @Override
    public boolean trains(ConversationToken token, int lastAnswer) {
        boolean last = token.message() == lastAnswer;
        boolean assistantContent = token.assistant() && token.part() == Part.CONTENT;
        boolean end = token.part() == Part.END_OF_TURN;
        boolean afterContent = end || token.part() == Part.TRAILER;
        return switch (this) {
            case TRL_DEFAULT, AXOLOTL_TRAIN_ON_INPUTS, LLAMA_FACTORY_TRAIN_ON_PROMPT, TORCHTUNE_TRAIN_ON_ALL -> true;
            case TRL_COMPLETION_ONLY -> token.completion();
            case TRL_ASSISTANT_ONLY -> token.generated();
            case AXOLOTL_EOS_TURN -> assistantContent || (token.assistant() && end);
            case AXOLOTL_EOS_ALL -> assistantContent || end;
            case AXOLOTL_EOS_LAST -> assistantContent || (end && last);
            case LLAMA_FACTORY_DEFAULT -> assistantContent || (token.assistant() && afterContent);
            case LLAMA_FACTORY_MASK_HISTORY -> last && (assistantContent || (token.assistant() && afterContent));
            case TORCHTUNE_TRAIN_ON_ASSISTANT -> token.assistant();
            case TORCHTUNE_TRAIN_ON_LAST -> token.assistant() && last;
        };
    }
}
