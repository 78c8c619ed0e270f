package dev.losslens.comparison;

import static dev.losslens.system.words.Wording.sentence;

import dev.losslens.comparison.ComparisonView.LaneView;
import dev.losslens.system.words.Wording;
import dev.losslens.training.LaneSpec;
import dev.losslens.training.LaneStatus;
import dev.losslens.training.MetricPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.springframework.context.MessageSourceResolvable;

/**
 * What a run's own numbers show, as sentences for the run page (words in {@code messages/runs.properties}): each
 * states measured values from its stored points and draws no conclusion the numbers do not carry. Empty until the run
 * has ended with at least one evaluation after step 0.
 */
public final class RunFindings {

    private RunFindings() {
    }

    public static List<MessageSourceResolvable> of(ComparisonStatus status, List<LaneView> lanes) {
        List<LaneView> measured = lanes.stream().filter(lane -> lane.metrics().size() >= 2).toList();
        if (!status.done() || measured.isEmpty()) {
            return List.of();
        }
        List<MessageSourceResolvable> findings = new ArrayList<>();
        findings.add(measured.size() > 1
                ? sentence("findings.response-nll-lowest", change(measured, MetricPoint::responseNll), lowest(measured))
                : sentence("findings.response-nll", change(measured, MetricPoint::responseNll)));
        if (measured.stream().anyMatch(lane -> last(lane).everyTurnNll() != last(lane).responseNll())) {
            findings.add(sentence("findings.every-turn-nll", change(measured, MetricPoint::everyTurnNll)));
        }
        findings.add(sentence("findings.prompt-nll", change(measured, MetricPoint::promptNll)));
        findings.add(sentence("findings.drift", measured.stream()
                .map(lane -> sentence("findings.lane-value", lane.label(), number(last(lane).drift()))).toList()));
        adjustment(measured).ifPresent(findings::add);
        findings.add(sentence("findings.exact-match", measured.stream().map(RunFindings::exactMatch).toList()));
        lanes.stream().filter(lane -> lane.status() == LaneStatus.DIVERGED).forEach(lane -> findings.add(
                sentence("findings.diverged", lane.label(), lane.divergedAt())));
        return findings;
    }

    private static List<MessageSourceResolvable> change(List<LaneView> lanes, ToDoubleFunction<MetricPoint> metric) {
        return lanes.stream().map(lane -> sentence("findings.lane-change", lane.label(),
                number(metric.applyAsDouble(lane.metrics().get(0))), number(metric.applyAsDouble(last(lane))))).toList();
    }

    /** Judged on the numbers as shown, so lanes that print the same value are said to end level. */
    private static MessageSourceResolvable lowest(List<LaneView> lanes) {
        String best = lanes.stream().map(lane -> number(last(lane).responseNll()))
                .min(Comparator.comparingDouble(Double::parseDouble)).orElseThrow();
        List<String> atBest = lanes.stream().filter(lane -> number(last(lane).responseNll()).equals(best))
                .map(LaneView::label).toList();
        return atBest.size() == 1 ? sentence("findings.lowest", atBest.get(0))
                : sentence("findings.level", new Wording.Listed(atBest, "list.and"), best);
    }

    /** Said only when every lane that started from the base moved less than every lane that started from scratch. */
    private static Optional<MessageSourceResolvable> adjustment(List<LaneView> lanes) {
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
        return Optional.of(sentence("findings.adjustment", number(mostFromBase), number(leastFromScratch)));
    }

    /** Start → end, and the best evaluation when it was better than the end: a lane can learn and then overfit. */
    private static MessageSourceResolvable exactMatch(LaneView lane) {
        MetricPoint best = lane.metrics().stream().max(Comparator.comparingDouble(MetricPoint::exactMatch)).orElseThrow();
        String first = percent(lane.metrics().get(0).exactMatch());
        String end = percent(last(lane).exactMatch());
        return best.exactMatch() > last(lane).exactMatch()
                ? sentence("findings.exact-best", lane.label(), first, end, percent(best.exactMatch()), best.step())
                : sentence("findings.lane-change", lane.label(), first, end);
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
