package dev.losslens.conversation;

/**
 * A Jinja chat template as the stacks ship it, with the spellings its tokenizer gives {@code bos_token} and
 * {@code eos_token}. {@code bundled} is false for a template a learner pasted.
 */
public record ChatTemplate(String name, String source, String bosToken, String eosToken, boolean bundled) {

    /** The name a pasted template goes by. */
    public static final String PASTED = "pasted";

    /** A learner's own template: its {@code bos_token} and {@code eos_token} are LossLens's own spellings. */
    public static ChatTemplate pasted(String source) {
        return new ChatTemplate(PASTED, source, SpecialTokens.BOS_SPELLING, SpecialTokens.END_SPELLING, false);
    }
}
