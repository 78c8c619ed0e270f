package dev.losslens.checkpoint;

import ai.djl.ndarray.NDManager;
import dev.losslens.model.GptParameters;
import dev.losslens.model.ModelPreset;
import dev.losslens.text.Tokenizer;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The tiny model straight after its normal(0, 0.02) initialisation: every token is about equally likely. */
@Component
@Order(0)
class UntrainedCheckpoint implements CheckpointSource {

    static final String ID = "untrained";
    static final long SEED = 0;

    private final Tokenizer tokenizer;

    UntrainedCheckpoint(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    @Override
    public List<CheckpointInfo> checkpoints() {
        return List.of(CheckpointInfo.startingPoint(ID, "untrained"));
    }

    @Override
    public Optional<GptParameters> open(String id, NDManager manager) {
        if (!ID.equals(id)) {
            return Optional.empty();
        }
        return Optional.of(GptParameters.initialise(ModelPreset.TINY.config(tokenizer.vocabSize()), SEED, manager));
    }
}
