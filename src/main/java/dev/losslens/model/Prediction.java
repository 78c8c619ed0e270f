package dev.losslens.model;

/** One candidate next token and the model's probability for it. */
public record Prediction(int id, double probability) {
}
