package dev.losslens.quiz;

import dev.losslens.notation.Keyed;
import dev.losslens.quiz.PresetRuns.Observation;
import dev.losslens.quiz.PresetRuns.ObservedLane;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/** Predict a lab preset's outcome, then see the real run: the right answer is read from that run. */
public record PredictItem(String id, String concept, String preset, Outcome outcome, String stem, String feedback)
        implements QuizItem {

    @Override
    public Kind kind() {
        return Kind.PREDICT;
    }

    /** What is predicted, and how the run answers it. */
    enum Outcome implements Keyed {
        /** Which lane ends lowest on held-out response NLL; the options are the lanes. */
        LOWEST_RESPONSE_NLL(null, ObservedLane::responseNll),
        /** Does the instruction lane's held-out prompt NLL fall from step 0 to the end? */
        INSTRUCTION_PROMPT_FALLS(ObservedLane::firstPromptNll, ObservedLane::lastPromptNll),
        /** Does the lane started from the base end with more exact answers than the lane started from scratch? */
        BASE_MORE_EXACT(null, lane -> 100 * lane.exactMatch()),
        /** Does the lane started from the base drift less than the lane started from scratch? */
        BASE_DRIFTS_LESS(null, ObservedLane::drift);

        private final ToDoubleFunction<ObservedLane> start;
        private final ToDoubleFunction<ObservedLane> end;

        /** The metric's name is the bundle's {@code quiz.outcome.<key>}. */
        Outcome(ToDoubleFunction<ObservedLane> start, ToDoubleFunction<ObservedLane> end) {
            this.start = start;
            this.end = end;
        }

        /** The run's lanes on the metric this outcome is read from, named in {@code metric}. */
        Grade.ObservedRun observed(Observation run, String metric) {
            List<Grade.Bar> bars = run.lanes().stream().map(lane -> new Grade.Bar(lane.label(),
                    start == null ? null : start.applyAsDouble(lane), end.applyAsDouble(lane))).toList();
            double largest = bars.stream().mapToDouble(bar -> Math.max(bar.end(), bar.start() == null ? 0 : bar.start()))
                    .max().orElse(0);
            return new Grade.ObservedRun(run.run(), metric, largest, bars);
        }

        boolean lanesAreOptions() {
            return this == LOWEST_RESPONSE_NLL;
        }

        /** The index of the right option: a lane, or 0 for yes and 1 for no. */
        int right(Observation run) {
            List<ObservedLane> lanes = run.lanes();
            return switch (this) {
                case LOWEST_RESPONSE_NLL -> IntStream.range(0, lanes.size()).boxed()
                        .min(Comparator.comparingDouble(i -> lanes.get(i).responseNll())).orElseThrow();
                case INSTRUCTION_PROMPT_FALLS -> yes(lanes.stream().filter(l -> l.objective().equals("instruction"))
                        .allMatch(l -> l.lastPromptNll() < l.firstPromptNll()));
                case BASE_MORE_EXACT -> yes(lane(lanes, "base").exactMatch() > lane(lanes, "scratch").exactMatch());
                case BASE_DRIFTS_LESS -> yes(lane(lanes, "base").drift() < lane(lanes, "scratch").drift());
            };
        }

        private static int yes(boolean yes) {
            return yes ? 0 : 1;
        }

        private static ObservedLane lane(List<ObservedLane> lanes, String init) {
            return lanes.stream().filter(l -> l.init().equals(init)).findFirst().orElseThrow(() ->
                    new IllegalStateException("the preset has no lane started from " + init));
        }
    }
}
