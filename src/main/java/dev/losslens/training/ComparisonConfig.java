package dev.losslens.training;

import dev.losslens.objective.LossObjective;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A validated comparison: lanes that share dataset, model, seed, batch order and step clock and differ only in
 * objective or starting point. Two equal configs train to bit-identical results, which is why {@link #key()}
 * can replay a finished run instead of training it again.
 */
record ComparisonConfig(String dataset, String model, int steps, double learningRate, int batchSize, long seed,
                        int evalEvery, List<LaneConfig> lanes) {

    /** @param promptWeight λ for the weighted objective; 1 for pre-training, 0 for instruction */
    record LaneConfig(String objective, double promptWeight, String init) {

        LaneSpec spec() {
            LossObjective loss = switch (objective) {
                case "pretraining" -> LossObjective.PRETRAINING;
                case "instruction" -> LossObjective.INSTRUCTION;
                default -> LossObjective.weighted(promptWeight);
            };
            return new LaneSpec(loss, init.equals("base") ? LaneSpec.Init.BASE : LaneSpec.Init.SCRATCH);
        }
    }

    /** SHA-256 of the canonical JSON form. */
    String key() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonicalJson().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String canonicalJson() {
        return TrainingJson.MAPPER.writeValueAsString(this);
    }

    static ComparisonConfig fromJson(String json) {
        return TrainingJson.MAPPER.readValue(json, ComparisonConfig.class);
    }
}
