package dev.losslens.training;

/** A lane's greedy answer to a held-out prompt. */
record Generation(String prompt, String expected, String generated) {

    boolean correct() {
        return generated.strip().equals(expected.strip());
    }
}
