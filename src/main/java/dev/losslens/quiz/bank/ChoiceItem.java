package dev.losslens.quiz.bank;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Single choice (exactly one option right) or multiple choice (every right option, and no other).
 *
 * @param feedback what every learner reads after answering, besides the chosen options' own; blank for none
 */
public record ChoiceItem(String id, String concept, Kind kind, String stem, List<Option> options, String feedback)
        implements QuizItem {

    public List<Integer> rightOptions() {
        return IntStream.range(0, options.size()).filter(i -> options.get(i).correct()).boxed().toList();
    }
}
