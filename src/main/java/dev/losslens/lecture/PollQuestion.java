package dev.losslens.lecture;

import java.util.List;

/**
 * A question put to the class: tap one option, or give a number in [min, max].
 *
 * @param preset the lab preset whose run answers a prediction, or null
 */
record PollQuestion(String id, String text, List<String> options, Double min, Double max, String preset) {

    public boolean numeric() {
        return min != null;
    }

    /** A number question's lowest answer, written plainly ("0.001", never "1E-3"), else null. */
    String shownMin() {
        return numeric() ? NumberAnswers.shown(min) : null;
    }

    String shownMax() {
        return numeric() ? NumberAnswers.shown(max) : null;
    }
}
