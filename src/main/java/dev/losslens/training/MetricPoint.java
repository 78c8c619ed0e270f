package dev.losslens.training;

/**
 * One lane at one evaluation step.
 *
 * @param trainLoss mean training loss over the steps since the previous point (null at step 0); each lane's
 *                  own objective, so lanes are not comparable on it
 * @param responseNll held-out NLL per response token: the answer of a pair, the last assistant turn of a conversation
 * @param everyTurnNll held-out NLL per token of every assistant turn (on a pair, the same as {@code responseNll})
 * @param drift ‖θ − θ₀‖ / ‖θ₀‖
 * @param stopped the share of greedy answers that ended with end-of-text before the length limit (null on points
 *                stored before LossLens measured it)
 */
public record MetricPoint(int step, Double trainLoss, double responseNll, double everyTurnNll, double promptNll,
                          double fullNll, double exactMatch, double drift, Double stopped) {
}
