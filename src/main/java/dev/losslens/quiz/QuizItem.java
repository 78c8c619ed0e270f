package dev.losslens.quiz;

/** One question of the bank. Its right answer stays on the server until the learner has answered. */
public sealed interface QuizItem permits ChoiceItem, TrueFalseItem, MarkTargetsItem, ComputeLossItem,
        MaskBugItem, PredictItem {

    String id();

    String concept();

    Kind kind();

    /** How many variants the item has; a learner gets one of them, always the same. */
    default int variants() {
        return 1;
    }

    enum Kind {
        CHOICE("choice"), MULTIPLE("multiple"), TRUE_FALSE("true-false"), MARK_TARGETS("mark-targets"),
        COMPUTE_LOSS("compute-loss"), MASK_BUG("mask-bug"), PREDICT("predict");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
