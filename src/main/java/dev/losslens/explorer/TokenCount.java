package dev.losslens.explorer;

/**
 * How many tokens a pair takes with its template, counted without running the model, so the form can say it while
 * the learner types.
 *
 * @param promptTokens {@code <|bos|>}, the template and the prompt
 * @param responseTokens the response and {@code <|endoftext|>}
 */
record TokenCount(int tokens, int promptTokens, int responseTokens, int context, int bytePieces) {
}
