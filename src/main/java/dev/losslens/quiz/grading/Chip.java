package dev.losslens.quiz.grading;

/**
 * One token of an item's pair or conversation, as the explorer shows it.
 *
 * @param nll −log p under the pre-trained base, rounded as shown; null where the learner is not given it, and on
 *            the first token, which nothing predicts
 * @param label the training label at this position (mask-bug), else null
 */
public record Chip(int position, String text, String role, Double nll, String label) {

    /** The token's text with its whitespace made visible, as the chips show it: a bare line break reads as nothing. */
    public String shown() {
        return visible(text);
    }

    public static String visible(String piece) {
        return piece.replace(' ', '·').replace("\n", "↵");
    }
}
