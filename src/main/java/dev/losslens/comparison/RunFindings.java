package dev.losslens.comparison;

import static dev.losslens.system.words.Wording.sentence;

import dev.losslens.comparison.ComparisonView.GenerationView;
import dev.losslens.comparison.ComparisonView.LaneView;
import dev.losslens.notation.PlainNumber;
import dev.losslens.system.words.Wording;
import dev.losslens.training.LaneSpec;
import dev.losslens.training.LaneStatus;
import dev.losslens.training.MetricPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.springframework.context.MessageSourceResolvable;

/**
 * What a run's own numbers show, as sentences for the run page (words in {@code messages/runs.properties}): each
 * states measured values from its stored points and draws no conclusion the numbers do not carry. Empty until the run
 * has ended with at least one evaluation after step 0.
 */
public final class RunFindings {

    private RunFindings() {
    }

    /** @param generations each lane's latest answers: how many held-out prompts a lane answered */
    public static List<MessageSourceResolvable> of(ComparisonStatus status, List<LaneView> lanes,
                                                   List<GenerationView> generations) {
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
        stopping(measured, answered(generations)).ifPresent(findings::add);
        measured.stream().filter(RunFindings::lossZeroAtEveryStep).forEach(lane -> findings.add(
                sentence("findings.zero-loss", lane.label(), PlainNumber.significant(last(lane).drift(), 2))));
        measured.forEach(lane -> roseWhileTrainingFell(lane).ifPresent(findings::add));
        lanes.stream().filter(lane -> lane.status() == LaneStatus.DIVERGED).forEach(lane -> findings.add(
                sentence("findings.diverged", lane.label(), lane.divergedAt())));
        return findings;
    }

    /** The most answers any lane gave at its latest evaluation: the prompts its stopped share is a share of. */
    private static int answered(List<GenerationView> generations) {
        return generations.stream().collect(Collectors.groupingBy(GenerationView::lane, Collectors.counting()))
                .values().stream().mapToInt(Long::intValue).max().orElse(0);
    }

    /**
     * Said only when the lanes' answers differ in whether they end: one lane's stop in at most a quarter of the
     * prompts and another's in at least three quarters.
     */
    private static Optional<MessageSourceResolvable> stopping(List<LaneView> lanes, int answered) {
        List<LaneView> known = lanes.stream().filter(lane -> last(lane).stopped() != null).toList();
        boolean fewStop = known.stream().anyMatch(lane -> last(lane).stopped() <= 0.25);
        boolean mostStop = known.stream().anyMatch(lane -> last(lane).stopped() >= 0.75);
        if (answered == 0 || !fewStop || !mostStop) {
            return Optional.empty();
        }
        return Optional.of(sentence("findings.stopped", known.stream().map(lane -> sentence("findings.lane-of",
                lane.label(), Math.round(last(lane).stopped() * answered), answered)).toList()));
    }

    /** A loss of 0 at every evaluation is 0 at every step: it averages losses that are never negative. */
    private static boolean lossZeroAtEveryStep(LaneView lane) {
        List<Double> losses = lane.metrics().stream().map(MetricPoint::trainLoss).filter(Objects::nonNull).toList();
        return !losses.isEmpty() && losses.stream().allMatch(loss -> loss == 0);
    }

    /** Judged on the numbers as shown: from the first evaluation with a training loss to the last. */
    private static Optional<MessageSourceResolvable> roseWhileTrainingFell(LaneView lane) {
        List<MetricPoint> trained = lane.metrics().stream().filter(point -> point.trainLoss() != null).toList();
        if (trained.size() < 2) {
            return Optional.empty();
        }
        String lossFrom = number(trained.get(0).trainLoss());
        String lossTo = number(trained.get(trained.size() - 1).trainLoss());
        String nllFrom = number(lane.metrics().get(0).responseNll());
        String nllTo = number(last(lane).responseNll());
        if (Double.parseDouble(lossTo) >= Double.parseDouble(lossFrom)
                || Double.parseDouble(nllTo) <= Double.parseDouble(nllFrom)) {
            return Optional.empty();
        }
        return Optional.of(sentence("findings.rose-while-fell", lane.label(), lossFrom, lossTo, nllFrom, nllTo));
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
