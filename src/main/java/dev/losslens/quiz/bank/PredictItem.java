package dev.losslens.quiz.bank;

import dev.losslens.notation.Keyed;
import dev.losslens.quiz.bank.PresetRuns.Observation;
import dev.losslens.quiz.bank.PresetRuns.ObservedLane;
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
    public enum Outcome implements Keyed {
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

        /** The lane's value of the metric this outcome is read from at step 0, when the outcome compares with it. */
        public Double start(ObservedLane lane) {
            return start == null ? null : start.applyAsDouble(lane);
        }

        /** The lane's value of the metric this outcome is read from at the end. */
        public double end(ObservedLane lane) {
            return end.applyAsDouble(lane);
        }

        public boolean lanesAreOptions() {
            return this == LOWEST_RESPONSE_NLL;
        }

        /** The index of the right option: a lane, or 0 for yes and 1 for no. */
        public int right(Observation run) {
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
