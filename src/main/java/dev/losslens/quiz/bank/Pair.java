package dev.losslens.quiz.bank;

/** A prompt/response pair an item is about. */
public record Pair(String prompt, String response) {
}
