package dev.losslens.quiz.bank;

/** A choice or a reason, with the feedback a learner who picks it reads. */
public record Option(String text, boolean correct, String feedback) {
}
