package dev.losslens.dataset;

/**
 * A good line of an uploaded file: its pair and its length with the template.
 *
 * @param line the line's number in its file, from 1
 * @param promptTokens {@code <|bos|>}, the template and the prompt
 */
record CheckedPair(int line, String prompt, String response, int tokens, int promptTokens) {

    PromptResponsePair pair() {
        return new PromptResponsePair(prompt, response);
    }
}
