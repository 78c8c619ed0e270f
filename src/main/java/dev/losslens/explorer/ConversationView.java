package dev.losslens.explorer;

import dev.losslens.conversation.LintWarning;
import dev.losslens.objective.LossTotals;
import java.util.List;

/**
 * One conversation under every mask: the tokens the model reads with their loss under the checkpoint, LossLens's
 * mask policies as lanes, and what each training stack's settings would train (the Rosetta), with the linter's
 * warnings beside each.
 *
 * @param text what the template wrote
 * @param cut tokens the context cut off the end; they have no loss
 * @param contested per token: whether the stacks' answers-only settings disagree on training it
 */
public record ConversationView(String example, String template, boolean pasted, String checkpoint, double promptWeight,
                               int context, String text, List<Token> tokens, List<Token> cut, List<PolicyLane> lanes,
                               List<RosettaRow> rosetta, boolean[] contested) {

    /**
     * @param part scaffold, header, content, end-of-turn or trailer
     * @param speaker system, user or assistant; null for scaffolding
     * @param generationPrompt part of the header {@code add_generation_prompt} writes before the last answer
     * @param nll −log p of this token given those before it; null for the first token and for cut ones
     */
    public record Token(int position, String text, String part, String speaker, int message, boolean generated,
                        boolean generationPrompt, Double nll) {
    }

    /** A LossLens mask policy: the weight each token gets, the totals, and the linter's warnings. */
    public record PolicyLane(String key, double[] weights, LossTotals totals, List<LintWarning> warnings) {
    }

    /** One stack setting: which tokens it trains, with the documentation its rule comes from. */
    public record RosettaRow(String setting, String stack, String written, String source, String sourceLabel,
                             boolean[] trained,
                             int trainedCount, List<LintWarning> warnings) {
    }
}
