package dev.losslens.lecture;

import dev.losslens.notation.Keyed;
import java.util.List;
import java.util.Optional;

/**
 * A lecture's story, step by step, on one pair: read from {@code sample-datasets/lectures/} and checked at start-up.
 *
 * @param questions the number questions the deck asks itself; its other polls come from the quiz bank
 */
record Deck(String id, String title, String prompt, String response, List<Step> steps, List<NumberQuestion> questions) {

    Step step(int index) {
        return steps.get(Math.max(0, Math.min(index, steps.size() - 1)));
    }

    /** The indices of the steps on which the class can answer the question. */
    List<Integer> asking(String question) {
        return steps.stream().filter(s -> s.asks() && s.question().equals(question)).map(Step::index).toList();
    }

    /**
     * The step {@code S} moves to from {@code from}: the next one, passing over the optional steps right after
     * {@code from} (never past the last step).
     */
    int afterOptional(int from) {
        int next = Math.min(from + 1, steps.size() - 1);
        while (next < steps.size() - 1 && step(next).optional()) {
            next++;
        }
        return next;
    }

    Optional<NumberQuestion> numberQuestion(String id) {
        return questions.stream().filter(question -> question.id().equals(id)).findFirst();
    }

    /**
     * One step: what the projector shows, and what only the presenter reads.
     *
     * @param question the poll this step asks or reveals, or null
     * @param preset the lab preset this step races, or null
     * @param charts what a race step draws of its run
     * @param mystery the key of the bug whose mystery run a mystery step shows, or null; the projector never shows it
     *                before the reveal
     * @param optional whether the presenter may skip it (S passes over the optional steps ahead)
     */
    record Step(int index, String id, Kind kind, String title, List<String> lines, String notes, String question,
                String preset, List<RaceChart> charts, String mystery, boolean optional) {

        /** Whether the class can answer this step's question now (a reveal step shows a poll that has closed). */
        boolean asks() {
            return question != null && kind != Kind.REVEAL;
        }
    }

    enum Kind implements Keyed {
        FORMULAS, ALL_TARGETS, MASKED, SHIFT, POLL, RACE, REVEAL, LAMBDA, MYSTERY, SUMMARY
    }

    /** A question answered with a number in [min, max], shown as a histogram with its median. */
    record NumberQuestion(String id, String text, double min, double max) {
    }
}
