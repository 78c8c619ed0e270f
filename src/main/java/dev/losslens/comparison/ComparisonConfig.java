package dev.losslens.comparison;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.losslens.conversation.AnswerSpan;
import dev.losslens.model.ModelPreset;
import dev.losslens.objective.LossObjective;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.training.LaneSpec;
import dev.losslens.training.PipelineBug;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A validated comparison: lanes that share dataset, model, seed, batch order and step clock and differ only in
 * objective or starting point. Two equal configs train to bit-identical results, which is why {@link #key()}
 * can replay a finished run instead of training it again.
 */
public record ComparisonConfig(String dataset, ModelPreset model, int steps, double learningRate, int batchSize, long seed,
                               int evalEvery, List<LaneConfig> lanes,
                               @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean mystery) {

    /** A comparison whose lanes show what they are. */
    public ComparisonConfig(String dataset, ModelPreset model, int steps, double learningRate, int batchSize, long seed,
                            int evalEvery, List<LaneConfig> lanes) {
        this(dataset, model, steps, learningRate, batchSize, seed, evalEvery, lanes, false);
    }

    /**
     * The same comparison as a mystery: its pages and API do not say which bug a lane has until the learner has named
     * it. It is stored apart from the open one, whose page names its bug.
     */
    public ComparisonConfig asMystery() {
        return new ComparisonConfig(dataset, model, steps, learningRate, batchSize, seed, evalEvery, lanes, true);
    }

    /** Sorted properties, so equal configs give equal text and equal keys; a flag stored before it existed is false. */
    private static final JsonMapper STORED_FORM = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    /**
     * @param promptWeight λ for the weighted objective; 1 for pre-training, 0 for instruction
     * @param answerSpan which assistant tokens are response targets; every-turn is left out of the stored form, so
     *                   configs stored before lanes had a span keep their keys
     * @param bug the pipeline bug planted in the lane, or null; left out of the stored form when null
     */
    public record LaneConfig(ObjectiveKind objective, double promptWeight, LaneSpec.Init init,
                             @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = EveryTurn.class)
                             AnswerSpan answerSpan,
                             @JsonInclude(JsonInclude.Include.NON_NULL) PipelineBug bug) {

        public LaneConfig {
            answerSpan = answerSpan == null ? AnswerSpan.EVERY_TURN : answerSpan;
        }

        /** A lane whose responses are every assistant turn, as on a pair dataset. */
        public LaneConfig(ObjectiveKind objective, double promptWeight, LaneSpec.Init init) {
            this(objective, promptWeight, init, AnswerSpan.EVERY_TURN, null);
        }

        /** A lane with a correct pipeline. */
        public LaneConfig(ObjectiveKind objective, double promptWeight, LaneSpec.Init init, AnswerSpan answerSpan) {
            this(objective, promptWeight, init, answerSpan, null);
        }

        public LaneSpec spec() {
            return new LaneSpec(LossObjective.of(objective, promptWeight), answerSpan, init, bug);
        }
    }

    /** The config as pages and the API show it: a mystery's lanes without their bugs. */
    public ComparisonConfig shown() {
        if (!mystery) {
            return this;
        }
        return new ComparisonConfig(dataset, model, steps, learningRate, batchSize, seed, evalEvery, lanes.stream()
                .map(lane -> new LaneConfig(lane.objective(), lane.promptWeight(), lane.init(), lane.answerSpan()))
                .toList(), true);
    }

    /** Jackson's filter for a value left out of the stored form: equal to it means "leave out". */
    private static final class EveryTurn {

        @Override
        public boolean equals(Object value) {
            return value == AnswerSpan.EVERY_TURN;
        }

        @Override
        public int hashCode() {
            return AnswerSpan.EVERY_TURN.hashCode();
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
        return STORED_FORM.writeValueAsString(this);
    }

    static ComparisonConfig fromJson(String json) {
        return STORED_FORM.readValue(json, ComparisonConfig.class);
    }
}
