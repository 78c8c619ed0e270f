package dev.losslens.training;

/** A lane's greedy answer to a held-out prompt. */
public record Generation(String prompt, String expected, String generated) {

    public boolean correct() {
        return generated.strip().equals(expected.strip());
    }
}
