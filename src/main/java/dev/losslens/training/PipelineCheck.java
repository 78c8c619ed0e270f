package dev.losslens.training;

import dev.losslens.notation.Keyed;
import dev.losslens.objective.LossObjective;
import dev.losslens.text.CompactVocabulary;
import dev.losslens.text.Role;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * An assertion a pipeline can make about the batch it is about to train on. LossLens runs every check on every lane's
 * every step; a correct lane passes them all, and each {@link PipelineBug} fails the one that names it. What each
 * asserts, in words, is the runs bundle's {@code check.<key>}.
 */
public enum PipelineCheck implements Keyed {

    /** Prompt targets weigh what the objective gives the prompt (0 for instruction tuning). */
    PROMPT_TARGETS_UNCOUNTED {
        @Override
        boolean holds(ModelBatch batch, LossObjective objective) {
            for (int i = 0; i < batch.roles().length; i++) {
                if (batch.roles()[i] == Role.PROMPT && batch.weights()[i] > objective.promptWeight() + 1e-6) {
                    return false;
                }
            }
            return true;
        }
    },
    /** Every example that kept its response has at least one counted target. */
    EVERY_ROW_COUNTS {
        @Override
        boolean holds(ModelBatch batch, LossObjective objective) {
            Set<Integer> withResponse = new HashSet<>();
            Set<Integer> counted = new HashSet<>();
            for (int i = 0; i < batch.sources().length; i++) {
                if (batch.roles()[i] == Role.RESPONSE) {
                    withResponse.add(batch.sources()[i]);
                    if (batch.weights()[i] > 0) {
                        counted.add(batch.sources()[i]);
                    }
                }
            }
            return counted.containsAll(withResponse);
        }
    },
    /** Every end-of-text token of a response is a counted target, so the model learns to stop. */
    END_OF_TEXT_COUNTED {
        @Override
        boolean holds(ModelBatch batch, LossObjective objective) {
            for (int i = 0; i < batch.targets().length; i++) {
                if (batch.roles()[i] == Role.RESPONSE && batch.targets()[i] == CompactVocabulary.END_OF_TEXT
                        && batch.weights()[i] == 0) {
                    return false;
                }
            }
            return true;
        }
    },
    /** No row holds two examples: nothing attends across an example's boundary. */
    ONE_EXAMPLE_PER_ATTENTION_SPAN {
        @Override
        boolean holds(ModelBatch batch, LossObjective objective) {
            for (int r = 0; r < batch.rows(); r++) {
                int first = batch.sources()[r * batch.length()];
                for (int p = 1; p < batch.length(); p++) {
                    int source = batch.sources()[r * batch.length() + p];
                    if (source >= 0 && source != first) {
                        return false;
                    }
                }
            }
            return true;
        }
    },
    /** The loss divides by every counted target of the batch at once, not micro-batch by micro-batch. */
    NORMALISED_BY_ALL_TARGETS {
        @Override
        boolean holds(ModelBatch batch, LossObjective objective) {
            return batch.microBatches() == 1;
        }
    },
    /** Every micro-batch the loss divides by has a counted target. */
    EVERY_MICRO_BATCH_COUNTS {
        @Override
        boolean holds(ModelBatch batch, LossObjective objective) {
            for (int m = 0; m < batch.microBatches(); m++) {
                if (batch.weightOf(m) == 0) {
                    return false;
                }
            }
            return true;
        }
    },
    /** Each position's target is the next position's input: position t predicts token t + 1. */
    TARGETS_FOLLOW_INPUTS {
        @Override
        boolean holds(ModelBatch batch, LossObjective objective) {
            for (int r = 0; r < batch.rows(); r++) {
                for (int p = 0; p + 1 < batch.length(); p++) {
                    int at = r * batch.length() + p;
                    if (batch.sources()[at + 1] >= 0 && batch.targets()[at] != batch.inputs()[at + 1]) {
                        return false;
                    }
                }
            }
            return true;
        }
    },
    /** Truncation dropped no response token: long examples lose the start of their prompt, never their answer. */
    TRUNCATION_KEEPS_ANSWERS {
        @Override
        boolean holds(ModelBatch batch, LossObjective objective) {
            return batch.answersCut() == 0;
        }
    };

    abstract boolean holds(ModelBatch batch, LossObjective objective);

    /** The checks this batch fails. */
    static Set<PipelineCheck> failed(ModelBatch batch, LossObjective objective) {
        Set<PipelineCheck> failed = EnumSet.noneOf(PipelineCheck.class);
        for (PipelineCheck check : values()) {
            if (!check.holds(batch, objective)) {
                failed.add(check);
            }
        }
        return failed;
    }

    @Override
    public String toString() {
        return key();
    }
}
