package dev.losslens.conversation;

import dev.losslens.notation.Keyed;

/** Where in the rendered conversation a token stands. */
public enum Part implements Keyed {
    /** Template text outside every turn: the beginning-of-sequence token, the generation prompt. */
    SCAFFOLD,
    /** A turn's role header, such as {@code <|im_start|>assistant\n}. */
    HEADER,
    /** The message itself. */
    CONTENT,
    /** The turn's end-of-turn token ({@code <|im_end|>}, {@code <|eot_id|>}): the one that teaches the model to stop. */
    END_OF_TURN,
    /** Template text after the content other than the end-of-turn token, such as the newline after it. */
    TRAILER
}
