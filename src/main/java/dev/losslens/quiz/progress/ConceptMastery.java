package dev.losslens.quiz.progress;

import java.util.List;

/**
 * A concept's mastery across learners, with nobody named: how many answered it, their mean share right (each over
 * their most recent answers), and how many have mastered it.
 *
 * @param mastered learners with at least {@link #MASTERED} of their recent answers right, over at least
 *                 {@link #ENOUGH} answers
 */
public record ConceptMastery(String concept, int learners, double meanShare, int mastered) {

    static final double MASTERED = 0.8;
    static final int ENOUGH = 3;

    static ConceptMastery of(String concept, List<Mastery> learners) {
        return new ConceptMastery(concept, learners.size(),
                learners.stream().mapToDouble(Mastery::share).average().orElse(0),
                (int) learners.stream().filter(m -> m.answered() >= ENOUGH && m.share() >= MASTERED).count());
    }
}
