package dev.losslens.checkpoint;

import static dev.losslens.system.words.Wording.sentence;

import ai.djl.ndarray.NDManager;
import dev.losslens.comparison.ComparisonStore;
import dev.losslens.comparison.TrainedLane;
import dev.losslens.model.BaseCheckpoint;
import dev.losslens.model.Checkpoints;
import dev.losslens.model.GptParameters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The pre-trained base and the final weights of every finished lane, for the explorer's checkpoint selector. The
 * selector lists the lanes of the newest runs only, grouped by run: a learner reads with the run just trained or
 * watched, and a class soon has hundreds of lanes. Every older lane stays openable by its id, which its run's page
 * links to.
 */
@Component
@Order(1)
class TrainedCheckpoints implements CheckpointSource {

    private static final int LISTED_RUNS = 6;
    private static final CheckpointInfo BASE = CheckpointInfo.startingPoint(BaseCheckpoint.ID, "base");

    private final ComparisonStore store;

    TrainedCheckpoints(ComparisonStore store) {
        this.store = store;
    }

    @Override
    public List<CheckpointInfo> checkpoints() {
        List<CheckpointInfo> all = new ArrayList<>();
        if (BaseCheckpoint.bundled()) {
            all.add(BASE);
        }
        store.trainedLanes(LISTED_RUNS).forEach(lane -> all.add(info(lane)));
        return all;
    }

    /** The base, or any stored lane with final weights, however old. */
    @Override
    public Optional<CheckpointInfo> find(String id) {
        if (BaseCheckpoint.ID.equals(id)) {
            return BaseCheckpoint.bundled() ? Optional.of(BASE) : Optional.empty();
        }
        return TrainedLane.parseCheckpointId(id)
                .flatMap(lane -> store.trainedLane(lane.comparisonId(), lane.lane()))
                .map(TrainedCheckpoints::info);
    }

    private static CheckpointInfo info(TrainedLane lane) {
        // numbers as plain text: a run number is a name, never "1,234"
        String run = String.valueOf(lane.comparisonId());
        String number = String.valueOf(lane.index() + 1);
        return new CheckpointInfo(lane.checkpointId(), sentence("checkpoint.lane", run, number, lane.label()),
                sentence("checkpoint.lane.description"), sentence("checkpoint.run", run),
                sentence("checkpoint.lane.choice", run, number, lane.label()));
    }

    @Override
    public Optional<GptParameters> open(String id, NDManager manager) {
        if (BaseCheckpoint.ID.equals(id)) {
            return BaseCheckpoint.bundled() ? Optional.of(BaseCheckpoint.load(manager)) : Optional.empty();
        }
        return TrainedLane.parseCheckpointId(id)
                .flatMap(lane -> store.laneWeights(lane.comparisonId(), lane.lane()))
                .map(bytes -> read(bytes, manager));
    }

    private static GptParameters read(byte[] bytes, NDManager manager) {
        try {
            return Checkpoints.read(new ByteArrayInputStream(bytes), manager);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
