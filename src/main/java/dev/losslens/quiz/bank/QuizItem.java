package dev.losslens.quiz.bank;

import dev.losslens.notation.Keyed;

/** One question of the bank. Its right answer stays on the server until the learner has answered. */
public sealed interface QuizItem permits ChoiceItem, TrueFalseItem, MarkTargetsItem, MarkTrainedItem,
        ComputeLossItem, MaskBugItem, PredictItem, NumericItem, DiagnoseItem {

    String id();

    String concept();

    Kind kind();

    /** How many variants the item has; a learner gets one of them, always the same. */
    default int variants() {
        return 1;
    }

    enum Kind implements Keyed {
        CHOICE, MULTIPLE, TRUE_FALSE, MARK_TARGETS, MARK_TRAINED, COMPUTE_LOSS, MASK_BUG, PREDICT, NUMERIC, DIAGNOSE
    }
}
