package dev.losslens.quiz.authored;

import dev.losslens.system.rejection.Rejection;

/** What is wrong at one line of an imported text, as a rejection to word where it is shown. */
public record LineProblem(int line, Rejection rejection) {
}
