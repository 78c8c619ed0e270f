package dev.losslens.checkpoint;

/**
 * A set of weights the explorer can read sequences with.
 *
 * @param label what it is, on its own ("Run #12, lane 1: …")
 * @param group where the selector lists it: the starting points, or the run a lane belongs to
 * @param choice what the selector shows within its group
 */
public record CheckpointInfo(String id, String label, String description, String group, String choice) {

    static final String STARTING_POINTS = "Starting points";

    /** Weights no run trained: the untrained model and the pre-trained base. */
    static CheckpointInfo startingPoint(String id, String label, String description) {
        return new CheckpointInfo(id, label, description, STARTING_POINTS, label);
    }
}
