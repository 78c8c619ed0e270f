package dev.losslens.quiz.bank;

import java.util.List;

/**
 * One idea of the course: its explanation, the explorer state and lab preset that show it, and its items.
 *
 * @param explore an explorer address (path and query) that shows the idea; null for the instructors' questions
 * @param preset the key of the lab preset that shows it, or {@value #MYSTERY} for a mystery run; null for the
 *               instructors' questions
 */
public record Concept(String id, int order, String title, List<String> explanation, String explore, String preset,
                      List<QuizItem> items) {

    /** The concept of every question instructors wrote; no bank file may take its id. */
    public static final String INSTRUCTORS = "instructors";

    /** The preset of a concept whose lab run is a mystery run, whose bug is picked at random when it starts. */
    public static final String MYSTERY = "mystery";

    /** Whether its lab run is a mystery run rather than a lab preset. */
    public boolean mystery() {
        return MYSTERY.equals(preset);
    }

    /** Whether it is the instructors' questions rather than an idea of the course (it has no explorer view or preset). */
    public boolean byInstructors() {
        return INSTRUCTORS.equals(id);
    }
}
