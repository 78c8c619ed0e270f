package dev.losslens.quiz;

/**
 * One token of an item's pair, as the explorer shows it.
 *
 * @param nll −log p under the pre-trained base, rounded as shown; null where the learner is not given it, and on
 *            the first token, which nothing predicts
 */
public record Chip(int position, String text, String role, Double nll) {
}
