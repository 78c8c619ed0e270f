package dev.losslens.conversation;

/**
 * Where one message's turn sits in the rendered text, in characters: {@code [start, contentStart)} is its header,
 * {@code [contentStart, contentEnd)} its content, {@code [contentEnd, end)} what the template puts after it.
 *
 * @param found whether the message's content was found in its turn as written; when not, the whole turn is header
 * @param endOfTurn where the end-of-turn token starts, or -1 when the turn has none
 */
record TurnSpan(int message, Speaker speaker, int start, int contentStart, int contentEnd, int end, int endOfTurn, boolean found) {

    Part partAt(int position, int endLength) {
        if (position < contentStart) {
            return Part.HEADER;
        }
        if (position < contentEnd) {
            return Part.CONTENT;
        }
        if (endOfTurn >= 0 && position >= endOfTurn && position < endOfTurn + endLength) {
            return Part.END_OF_TURN;
        }
        return Part.TRAILER;
    }

    boolean holds(int position) {
        return position >= start && position < end;
    }
}
