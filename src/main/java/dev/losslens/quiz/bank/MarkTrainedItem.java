package dev.losslens.quiz.bank;

import dev.losslens.conversation.StackSetting;
import dev.losslens.conversation.TokenizedConversation;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A conversation as a bundled chat template renders it, as token chips: the learner marks the tokens that one setting
 * of a training stack trains. The key is that setting's own rule applied to these tokens.
 *
 * @param template the name of the bundled template that rendered it
 */
public record MarkTrainedItem(String id, String concept, TokenizedConversation conversation, String template,
                              StackSetting setting, String feedback) implements QuizItem {

    @Override
    public Kind kind() {
        return Kind.MARK_TRAINED;
    }

    /** The positions the setting trains, in order; token 0 is never one, as nothing predicts it. */
    public List<Integer> trained() {
        boolean[] trained = conversation.trained(setting);
        return IntStream.range(0, trained.length).filter(t -> trained[t]).boxed().toList();
    }
}
