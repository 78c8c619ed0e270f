package dev.losslens.training;

/**
 * One lane at one evaluation step.
 *
 * @param trainLoss mean training loss over the steps since the previous point (null at step 0); each lane's
 *                  own objective, so lanes are not comparable on it
 * @param drift ‖θ − θ₀‖ / ‖θ₀‖
 */
public record MetricPoint(int step, Double trainLoss, double responseNll, double promptNll, double fullNll,
                          double exactMatch, double drift) {
}
