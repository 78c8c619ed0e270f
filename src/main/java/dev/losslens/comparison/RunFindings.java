package dev.losslens.comparison;

import dev.losslens.comparison.ComparisonView.LaneView;
import dev.losslens.training.LaneSpec;
import dev.losslens.training.LaneStatus;
import dev.losslens.training.MetricPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * What a run's own numbers show, as sentences for the run page: each states measured values from its stored points
 * and draws no conclusion the numbers do not carry. Empty until the run has ended with at least one evaluation after
 * step 0.
 */
final class RunFindings {

    private RunFindings() {
    }

    static List<String> of(ComparisonStatus status, List<LaneView> lanes) {
        List<LaneView> measured = lanes.stream().filter(lane -> lane.metrics().size() >= 2).toList();
        if (!status.done() || measured.isEmpty()) {
            return List.of();
        }
        List<String> findings = new ArrayList<>();
        findings.add("Held-out response NLL, the shared scoreboard: " + change(measured, MetricPoint::responseNll)
                + "." + (measured.size() > 1 ? " " + lowest(measured) : ""));
        findings.add("Held-out prompt NLL: " + change(measured, MetricPoint::promptNll) + ".");
        findings.add("Parameter drift ‖θ − θ₀‖ / ‖θ₀‖ at the end: " + measured.stream()
                .map(lane -> lane.label() + " " + number(last(lane).drift())).collect(Collectors.joining("; ")) + ".");
        adjustment(measured).ifPresent(findings::add);
        findings.add("Exact match on the answered held-out prompts: " + measured.stream().map(RunFindings::exactMatch)
                .collect(Collectors.joining("; ")) + ".");
        lanes.stream().filter(lane -> lane.status() == LaneStatus.DIVERGED).forEach(lane -> findings.add(
                "%s diverged at step %d: its loss was not finite, so its line stops there.".formatted(lane.label(),
                        lane.divergedAt())));
        return findings;
    }

    private static String change(List<LaneView> lanes, ToDoubleFunction<MetricPoint> metric) {
        return lanes.stream().map(lane -> "%s %s → %s".formatted(lane.label(),
                        number(metric.applyAsDouble(lane.metrics().get(0))), number(metric.applyAsDouble(last(lane)))))
                .collect(Collectors.joining("; "));
    }

    /** Judged on the numbers as shown, so lanes that print the same value are said to end level. */
    private static String lowest(List<LaneView> lanes) {
        String best = lanes.stream().map(lane -> number(last(lane).responseNll()))
                .min(Comparator.comparingDouble(Double::parseDouble)).orElseThrow();
        List<String> atBest = lanes.stream().filter(lane -> number(last(lane).responseNll()).equals(best))
                .map(LaneView::label).toList();
        return atBest.size() == 1 ? atBest.get(0) + " ends lowest."
                : String.join(" and ", atBest) + " end level at " + best + ".";
    }

    /** Said only when every lane that started from the base moved less than every lane that started from scratch. */
    private static Optional<String> adjustment(List<LaneView> lanes) {
        List<LaneView> base = lanes.stream().filter(lane -> lane.init() == LaneSpec.Init.BASE).toList();
        List<LaneView> scratch = lanes.stream().filter(lane -> lane.init() == LaneSpec.Init.SCRATCH).toList();
        if (base.isEmpty() || scratch.isEmpty()) {
            return Optional.empty();
        }
        double mostFromBase = base.stream().mapToDouble(lane -> last(lane).drift()).max().orElseThrow();
        double leastFromScratch = scratch.stream().mapToDouble(lane -> last(lane).drift()).min().orElseThrow();
        if (mostFromBase >= leastFromScratch) {
            return Optional.empty();
        }
        return Optional.of(("Starting from the pre-trained base, training moved the weights less (at most %s) "
                + "than from scratch (at least %s): fine-tuning as a moderate adjustment of what pre-training learned.")
                .formatted(number(mostFromBase), number(leastFromScratch)));
    }

    /** Start → end, and the best evaluation when it was better than the end: a lane can learn and then overfit. */
    private static String exactMatch(LaneView lane) {
        MetricPoint best = lane.metrics().stream().max(Comparator.comparingDouble(MetricPoint::exactMatch)).orElseThrow();
        String text = "%s %s → %s".formatted(lane.label(), percent(lane.metrics().get(0).exactMatch()),
                percent(last(lane).exactMatch()));
        return best.exactMatch() > last(lane).exactMatch()
                ? text + " (highest %s at step %d)".formatted(percent(best.exactMatch()), best.step()) : text;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    private static MetricPoint last(LaneView lane) {
        return lane.metrics().get(lane.metrics().size() - 1);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
