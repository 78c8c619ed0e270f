package dev.losslens.conversation;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;

/**
 * {@code {% generation %} … {% endgeneration %}}: Hugging Face's mark for the text the assistant generates, which
 * {@code return_assistant_tokens_mask} (and TRL's {@code assistant_only_loss}) trains. The text is rendered as is,
 * between two private-use characters that {@link JinjaSandbox} takes out again, keeping where they stood.
 */
final class GenerationTag implements Tag {

    static final char START = '\uE000';
    static final char END = '\uE001';

    @Override
    public String getName() {
        return "generation";
    }

    @Override
    public String getEndTagName() {
        return "endgeneration";
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        StringBuilder body = new StringBuilder().append(START);
        for (Node child : tagNode.getChildren()) {
            body.append(child.render(interpreter).getValue());
        }
        return body.append(END).toString();
    }
}
