package dev.losslens.explorer;

import dev.losslens.checkpoint.CheckpointInfo;
import dev.losslens.system.words.Wording;

/** A checkpoint as the explorer's selectors show it, in the reader's language. */
record CheckpointOption(String id, String label, String description, String group, String choice) {

    static CheckpointOption of(CheckpointInfo checkpoint, Wording wording) {
        return new CheckpointOption(checkpoint.id(), wording.page(checkpoint.label()),
                wording.page(checkpoint.description()), wording.page(checkpoint.group()),
                wording.page(checkpoint.choice()));
    }
}
