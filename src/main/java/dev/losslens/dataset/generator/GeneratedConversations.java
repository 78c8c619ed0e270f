package dev.losslens.dataset.generator;

import dev.losslens.conversation.Conversation;
import dev.losslens.dataset.DatasetFormat;
import dev.losslens.dataset.DatasetInfo;
import dev.losslens.dataset.DatasetOrigin;
import java.util.List;

/** A conversation task as the generator builds it: its two splits; it adds nothing to the pre-training corpus. */
record GeneratedConversations(String name, String title, String description, String splitRule,
                              List<Conversation> train, List<Conversation> heldout) {

    DatasetInfo info() {
        return new DatasetInfo(name, title, description, train.size(), heldout.size(), DatasetOrigin.BUNDLED,
                DatasetFormat.CONVERSATION);
    }
}
