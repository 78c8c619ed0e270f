package dev.losslens.quiz.authored;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of instructors' questions ({@code losslens.questions.*}), shown beside the controls that they bound. Each
 * character limit stays within its database column ({@code V8__instructor_questions.sql}), so a configured limit can
 * never let through text the database would refuse.
 *
 * @param perInstructor questions one instructor may keep
 * @param options most options of a choice question (at least 2 are needed)
 * @param titleChars a title, one line
 * @param textChars a question's text: the stem or the statement
 * @param optionChars one option's text
 * @param feedbackChars any one feedback
 * @param promptChars the prompt of a mark-the-targets pair (the templated pair must also fit the model's context)
 * @param responseChars the response of a mark-the-targets pair
 * @param giftChars the GIFT text one import reads
 */
@ConfigurationProperties("losslens.questions")
public record QuestionLimits(
        @DefaultValue("200") int perInstructor,
        @DefaultValue("10") int options,
        @DefaultValue("80") int titleChars,
        @DefaultValue("1000") int textChars,
        @DefaultValue("300") int optionChars,
        @DefaultValue("1000") int feedbackChars,
        @DefaultValue("400") int promptChars,
        @DefaultValue("400") int responseChars,
        @DefaultValue("40000") int giftChars) {

    /** The columns' sizes: a limit above its column would let the database refuse what the rules accepted. */
    static final int TITLE_COLUMN = 200;
    static final int TEXT_COLUMN = 4000;
    static final int OPTION_COLUMN = 1000;
    static final int FEEDBACK_COLUMN = 4000;
    static final int PAIR_COLUMN = 2000;
    /** Beyond this the numbers stop being ones a person types; also keeps exports short. */
    public static final double LARGEST_NUMBER = 1e12;

    public QuestionLimits {
        within("per-instructor", perInstructor, 1, 100_000);
        within("options", options, 2, 50);
        within("title-chars", titleChars, 1, TITLE_COLUMN);
        within("text-chars", textChars, 1, TEXT_COLUMN);
        within("option-chars", optionChars, 1, OPTION_COLUMN);
        within("feedback-chars", feedbackChars, 1, FEEDBACK_COLUMN);
        within("prompt-chars", promptChars, 1, PAIR_COLUMN);
        within("response-chars", responseChars, 1, PAIR_COLUMN);
        within("gift-chars", giftChars, 1, 1_000_000);
    }

    private static void within(String name, int value, int least, int most) {
        if (value < least || value > most) {
            throw new IllegalArgumentException("losslens.questions.%s must be from %d to %d, was %d"
                    .formatted(name, least, most, value));
        }
    }
}
