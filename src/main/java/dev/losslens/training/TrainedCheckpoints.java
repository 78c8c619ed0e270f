package dev.losslens.training;

import ai.djl.ndarray.NDManager;
import dev.losslens.model.CheckpointInfo;
import dev.losslens.model.CheckpointSource;
import dev.losslens.model.Checkpoints;
import dev.losslens.model.GptParameters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The pre-trained base and the final weights of every finished lane, for the explorer's checkpoint selector. */
@Component
@Order(1)
class TrainedCheckpoints implements CheckpointSource {

    private static final Pattern LANE_ID = Pattern.compile("run-(\\d{1,18})-lane-(\\d)");
    private static final int LISTED_LANES = 40;

    private final ComparisonStore store;

    TrainedCheckpoints(ComparisonStore store) {
        this.store = store;
    }

    static String laneId(long comparisonId, int lane) {
        return "run-" + comparisonId + "-lane-" + lane;
    }

    @Override
    public List<CheckpointInfo> checkpoints() {
        List<CheckpointInfo> all = new ArrayList<>();
        if (BaseCheckpoint.bundled()) {
            all.add(new CheckpointInfo(BaseCheckpoint.ID, "Pre-trained base",
                    "tiny GPT pre-trained on sample-datasets/corpus with the full-sequence objective"));
        }
        for (long[] lane : store.lanesWithWeights(LISTED_LANES)) {
            all.add(laneInfo(lane[0], (int) lane[1]));
        }
        return all;
    }

    /** The base, or any stored lane with final weights, however old. */
    @Override
    public Optional<CheckpointInfo> find(String id) {
        Matcher lane = LANE_ID.matcher(id);
        if (!lane.matches()) {
            return CheckpointSource.super.find(id);
        }
        long comparison = Long.parseLong(lane.group(1));
        int index = Integer.parseInt(lane.group(2));
        return store.hasLaneWeights(comparison, index) ? Optional.of(laneInfo(comparison, index)) : Optional.empty();
    }

    private CheckpointInfo laneInfo(long comparison, int lane) {
        String label = store.lanes(comparison).get(lane).label();
        return new CheckpointInfo(laneId(comparison, lane), "Run #%d, lane %d: %s".formatted(comparison, lane + 1, label),
                "final weights of a training lane");
    }

    @Override
    public Optional<GptParameters> open(String id, NDManager manager) {
        if (BaseCheckpoint.ID.equals(id)) {
            return BaseCheckpoint.bundled() ? Optional.of(BaseCheckpoint.load(manager)) : Optional.empty();
        }
        Matcher lane = LANE_ID.matcher(id);
        if (!lane.matches()) {
            return Optional.empty();
        }
        return store.laneWeights(Long.parseLong(lane.group(1)), Integer.parseInt(lane.group(2)))
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
