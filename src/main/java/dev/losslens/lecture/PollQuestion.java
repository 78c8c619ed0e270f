package dev.losslens.lecture;

import java.util.List;

/**
 * A question put to the class: tap one option, or give a number in [min, max].
 *
 * @param preset the lab preset whose run answers a prediction, or null
 */
record PollQuestion(String id, String text, List<String> options, Double min, Double max, String preset) {

    boolean numeric() {
        return min != null;
    }

    /** A number question's bounds in words ("0 to 1"), else null. */
    String range() {
        return numeric() ? NumberAnswers.shown(min) + " to " + NumberAnswers.shown(max) : null;
    }
}
