package dev.losslens.conversation;

import dev.losslens.notation.Keyed;
import java.util.List;

/**
 * A mistake in how a conversation is masked, with the tokens that show it.
 *
 * @param positions indices of the tokens at fault among the kept tokens (the cut ones count on after them)
 * @param evidence the pieces that show it; for a split response template, how it tokenizes alone and in context
 * @param variant null, or {@value #NO_END_TOKEN} when the end of turn is never trained because the template writes none
 */
public record LintWarning(Kind kind, List<Integer> positions, List<String> evidence, String variant) {

    public static final String NO_END_TOKEN = "no-end-token";

    public LintWarning(Kind kind, List<Integer> positions, List<String> evidence) {
        this(kind, positions, evidence, null);
    }

    /** The six mistakes practitioners keep finding in their stacks' masks. */
    public enum Kind implements Keyed {
        /** No token of any assistant turn is trained: an empty {@code {% generation %}} mask, say. */
        NO_ANSWER_TRAINED,
        /** Answers are trained but no end-of-turn token of theirs is: the model never learns to stop. */
        END_NEVER_TRAINED,
        /** The assistant header tokenizes differently alone than in the conversation, so a collator never finds it. */
        RESPONSE_TEMPLATE_SPLIT,
        /** Truncation cut the whole last answer: the example trains nothing of it. */
        ANSWER_TRUNCATED,
        /** The setting means to train answers only, yet question or system tokens are trained. */
        PROMPT_TRAINED,
        /** A message's content is not in the rendering as written: the template dropped or rewrote it. */
        TURN_NOT_FOUND
    }
}
