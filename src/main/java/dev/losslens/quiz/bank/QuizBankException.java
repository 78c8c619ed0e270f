package dev.losslens.quiz.bank;

/** A bank file that cannot be used, said so that its author can fix it: file, item, line, what is wrong. */
class QuizBankException extends IllegalStateException {

    QuizBankException(String file, String item, Integer line, String what) {
        super("sample-datasets/quizzes/%s%s%s: %s".formatted(file, item == null ? "" : ", item " + item,
                line == null ? "" : " (line " + line + ")", what));
    }
}
