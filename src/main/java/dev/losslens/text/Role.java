package dev.losslens.text;

import dev.losslens.notation.Keyed;

/** Which side of the instruction template a token belongs to. */
public enum Role implements Keyed {
    /** Template scaffolding and the instruction: always an input, a target only in pre-training. */
    PROMPT,
    /** The answer and its end-of-text token: the targets of instruction tuning. */
    RESPONSE
}
