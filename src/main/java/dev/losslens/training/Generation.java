package dev.losslens.training;

/**
 * A lane's greedy answer to a held-out prompt.
 *
 * @param stopped whether the answer ended with end-of-text rather than at the length limit (null on answers stored
 *                before LossLens recorded it)
 */
public record Generation(String prompt, String expected, String generated, Boolean stopped) {

    public boolean correct() {
        return generated.strip().equals(expected.strip());
    }
}
