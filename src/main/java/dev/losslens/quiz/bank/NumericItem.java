package dev.losslens.quiz.bank;

/**
 * A question answered with a number: right when it is within {@code tolerance} of {@code answer} (0: exactly). The
 * bundled bank's numbers are computed ({@link ComputeLossItem}); an instructor writes this one's.
 */
public record NumericItem(String id, String concept, String stem, double answer, double tolerance, String feedback)
        implements QuizItem {

    @Override
    public Kind kind() {
        return Kind.NUMERIC;
    }
}
