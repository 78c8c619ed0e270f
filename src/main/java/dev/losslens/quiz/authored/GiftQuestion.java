package dev.losslens.quiz.authored;

import java.util.List;

/**
 * One question read from GIFT text, with where it was.
 *
 * @param line the line the question starts on
 * @param optionLines the line of each option, for a problem with one of them
 */
public record GiftQuestion(int line, Question question, List<Integer> optionLines) {

    /** The line a problem with this field is on: its option's, or the question's. */
    int lineOf(String field) {
        if (field.startsWith("options[")) {
            int index = Integer.parseInt(field.substring("options[".length(), field.indexOf(']')));
            if (index < optionLines.size()) {
                return optionLines.get(index);
            }
        }
        return line;
    }
}
