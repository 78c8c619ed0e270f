package dev.losslens.comparison;

import dev.losslens.conversation.ChatTemplate;
import dev.losslens.conversation.ChatTemplates;
import dev.losslens.conversation.TemplateRenderer;
import dev.losslens.conversation.TokenizedConversation;
import dev.losslens.dataset.DatasetCatalogue;
import dev.losslens.dataset.Split;
import dev.losslens.model.ModelConfig;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.Tokenizer;
import dev.losslens.training.Evaluator;
import dev.losslens.training.TrainingSplit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A dataset as training reads it: the tokenized training split and the evaluator of its held-out split. Pairs are
 * rendered with the instruction template, conversations with the bundled ChatML chat template, cut to the model's
 * context on the right as training stacks do.
 */
@Component
public class TrainingData {

    /** Datasets kept tokenized: every bundled one and the few uploaded ones trained last. */
    private static final int PREPARED_KEPT = 12;

    private static final String CONVERSATION_TEMPLATE = "chatml";

    private final DatasetCatalogue datasets;
    private final InstructionTemplate template;
    private final TemplateRenderer renderer;
    private final ChatTemplate chatTemplate;
    private final Tokenizer tokenizer;
    private final TrainingProperties properties;
    private final Map<String, Prepared> prepared = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Prepared> eldest) {
            return size() > PREPARED_KEPT;
        }
    };

    TrainingData(DatasetCatalogue datasets, InstructionTemplate template, ChatTemplates chatTemplates,
                 TemplateRenderer renderer, Tokenizer tokenizer, TrainingProperties properties) {
        this.datasets = datasets;
        this.template = template;
        this.chatTemplate = chatTemplates.get(CONVERSATION_TEMPLATE);
        this.renderer = renderer;
        this.tokenizer = tokenizer;
        this.properties = properties;
    }

    /** A dataset's training split as the model reads it, and the evaluator of its held-out split. */
    public record Prepared(TrainingSplit training, Evaluator evaluator) {
    }

    /**
     * A dataset's tokenized splits never change (an uploaded dataset's id is never given to other pairs), so they are
     * prepared once; whether it still exists is asked every time.
     *
     * @throws DatasetGoneException when an instructor deleted the dataset
     */
    public Prepared of(String dataset) {
        if (datasets.find(dataset).isEmpty()) {
            throw new DatasetGoneException(dataset);
        }
        synchronized (prepared) {
            Prepared kept = prepared.get(dataset);
            if (kept != null) {
                return kept;
            }
        }
        Prepared read;
        try {
            read = datasets.require(dataset).isConversation() ? conversations(dataset) : pairs(dataset);
        } catch (RuntimeException deletedMeanwhile) {
            if (datasets.find(dataset).isEmpty()) {
                throw new DatasetGoneException(dataset);
            }
            throw deletedMeanwhile;
        }
        synchronized (prepared) {
            prepared.put(dataset, read);
        }
        return read;
    }

    private Prepared pairs(String dataset) {
        return new Prepared(TrainingSplit.ofPairs(datasets.pairs(dataset, Split.TRAIN).stream()
                .map(pair -> template.render(pair.prompt(), pair.response())).toList()),
                new Evaluator(datasets.pairs(dataset, Split.HELDOUT), properties.answeredPrompts(), template, tokenizer));
    }

    private Prepared conversations(String dataset) {
        return new Prepared(TrainingSplit.ofConversations(rendered(dataset, Split.TRAIN)),
                Evaluator.ofConversations(rendered(dataset, Split.HELDOUT), properties.answeredPrompts(), tokenizer));
    }

    private List<TokenizedConversation> rendered(String dataset, Split split) {
        return datasets.conversations(dataset, split).stream()
                .map(conversation -> renderer.render(chatTemplate, conversation, ModelConfig.CONTEXT)).toList();
    }
}
