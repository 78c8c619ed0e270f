package dev.losslens.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * A template's output for some messages: the text, and the character ranges {@code [start, end)} that
 * {@code {% generation %}} marked.
 */
record Rendering(String text, List<int[]> generated) {

    /** The text as rendered, generation marks taken out and their places kept. */
    static Rendering of(String marked) {
        StringBuilder text = new StringBuilder(marked.length());
        List<int[]> generated = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == GenerationTag.START) {
                open = text.length();
            } else if (c == GenerationTag.END) {
                generated.add(new int[] {Math.max(open, 0), text.length()});
                open = -1;
            } else {
                text.append(c);
            }
        }
        return new Rendering(text.toString(), List.copyOf(generated));
    }

    boolean generated(int position) {
        return generated.stream().anyMatch(range -> position >= range[0] && position < range[1]);
    }
}
