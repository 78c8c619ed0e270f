package dev.losslens.conversation;

import dev.losslens.notation.Keyed;

/** Who says a message of a conversation; templates see the key as {@code message['role']}. */
public enum Speaker implements Keyed {
    SYSTEM, USER, ASSISTANT;

    @Override
    public String toString() {
        return key();
    }
}
