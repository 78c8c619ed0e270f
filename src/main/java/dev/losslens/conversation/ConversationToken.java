package dev.losslens.conversation;

/**
 * One token of a rendered conversation and where it came from.
 *
 * @param text the token's piece, or the template's spelling of a special token
 * @param message the index of the message whose turn holds it; -1 for scaffolding
 * @param speaker who says that message; null for scaffolding
 * @param generated inside a {@code {% generation %}} block
 * @param completion after the prompt that ends with the generation prompt, where TRL's completion starts
 */
public record ConversationToken(int id, String text, int message, Speaker speaker, Part part, boolean generated,
                                boolean completion) {

    boolean assistant() {
        return speaker == Speaker.ASSISTANT;
    }

    /** Content or end-of-turn of an assistant turn: what "train on the answers" means in LossLens. */
    boolean answer() {
        return assistant() && (part == Part.CONTENT || part == Part.END_OF_TURN);
    }
}
