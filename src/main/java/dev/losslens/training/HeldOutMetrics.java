package dev.losslens.training;

/**
 * The shared yardstick of every lane, measured on the dataset's held-out split whatever the lane optimises:
 * per-token NLL of response targets (a conversation's last answer), of every assistant turn, of prompt and
 * full-sequence targets, exact match of greedy answers and the share of those answers that end with end-of-text.
 */
record HeldOutMetrics(double responseNll, double everyTurnNll, double promptNll, double fullNll, double exactMatch,
                      double stopped) {
}
