package dev.losslens.dataset;

/** One instruction example: the prompt is conditioned on, the response is what the model learns to produce. */
public record PromptResponsePair(String prompt, String response) {
}
