package dev.losslens.dataset;

import dev.losslens.notation.Keyed;

/** What one line of a dataset holds: a prompt/response pair, or a multi-turn conversation. */
public enum DatasetFormat implements Keyed {
    PAIR,
    CONVERSATION
}
