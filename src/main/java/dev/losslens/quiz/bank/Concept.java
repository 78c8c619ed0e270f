package dev.losslens.quiz.bank;

import java.util.List;

/**
 * One idea of the course: its explanation, the explorer state and lab preset that show it, and its items.
 *
 * @param explore an explorer address (path and query) that shows the idea
 * @param preset the key of the lab preset that shows it
 */
public record Concept(String id, int order, String title, List<String> explanation, String explore, String preset,
                      List<QuizItem> items) {
}
