package dev.losslens.dataset;

import dev.losslens.notation.Keyed;

/** Where an upload's held-out pairs come from: a second file, or a seeded split of the training file. */
public enum HeldOutSource implements Keyed {
    FILE,
    SPLIT
}
