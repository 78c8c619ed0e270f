package dev.losslens.quiz.bank;

/**
 * Name the pipeline bug of a mystery run from its symptoms: the options are every bug of the zoo, and the evidence is
 * the real mystery run of this item's bug ({@link BugZoo}). Its id says nothing of the bug.
 *
 * @param bug the key of the bug planted in the run's second lane
 */
public record DiagnoseItem(String id, String concept, String bug, String feedback) implements QuizItem {

    @Override
    public Kind kind() {
        return Kind.DIAGNOSE;
    }
}
