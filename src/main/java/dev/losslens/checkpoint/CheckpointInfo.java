package dev.losslens.checkpoint;

import static dev.losslens.system.words.Wording.sentence;

import org.springframework.context.MessageSourceResolvable;

/**
 * A set of weights the explorer can read sequences with, named in words the page looks up in the reader's language.
 *
 * @param label what it is, on its own ("Run #12, lane 1: …")
 * @param group where the selector lists it: the starting points, or the run a lane belongs to
 * @param choice what the selector shows within its group
 */
public record CheckpointInfo(String id, MessageSourceResolvable label, MessageSourceResolvable description,
                             MessageSourceResolvable group, MessageSourceResolvable choice) {

    /** Weights no run trained, {@code checkpoint.<key>} in the bundles: the untrained model and the pre-trained base. */
    public static CheckpointInfo startingPoint(String id, String key) {
        MessageSourceResolvable label = sentence("checkpoint." + key);
        return new CheckpointInfo(id, label, sentence("checkpoint." + key + ".description"),
                sentence("checkpoint.starting-points"), label);
    }
}
