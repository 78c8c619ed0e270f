package dev.losslens.dataset.generator;

import dev.losslens.dataset.DatasetFormat;
import dev.losslens.dataset.DatasetInfo;
import dev.losslens.dataset.DatasetOrigin;
import dev.losslens.dataset.PromptResponsePair;
import java.util.List;

/**
 * One synthetic task as the generator builds it: its two splits and the declarative facts behind them, which go
 * to the pre-training corpus (held-out facts included).
 */
record GeneratedTask(String name, String title, String description, String splitRule,
                     List<PromptResponsePair> train, List<PromptResponsePair> heldout, List<String> facts) {

    DatasetInfo info() {
        return new DatasetInfo(name, title, description, train.size(), heldout.size(), DatasetOrigin.BUNDLED, DatasetFormat.PAIR);
    }
}
