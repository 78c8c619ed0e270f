package dev.losslens.explorer;

import dev.losslens.conversation.AnswerSpan;
import dev.losslens.conversation.ChatTemplate;
import dev.losslens.conversation.ChatTemplates;
import dev.losslens.conversation.Conversation;
import dev.losslens.conversation.ConversationToken;
import dev.losslens.conversation.MaskLinter;
import dev.losslens.conversation.LintWarning;
import dev.losslens.conversation.MaskRule;
import dev.losslens.conversation.Part;
import dev.losslens.conversation.StackSetting;
import dev.losslens.conversation.TemplateException;
import dev.losslens.conversation.TemplateRenderer;
import dev.losslens.conversation.TokenizedConversation;
import dev.losslens.dataset.DatasetCatalogue;
import dev.losslens.dataset.DatasetInfo;
import dev.losslens.dataset.Split;
import dev.losslens.model.ModelConfig;
import dev.losslens.notation.Keyed;
import dev.losslens.model.TokenScores;
import dev.losslens.objective.LossObjective;
import dev.losslens.objective.LossTotals;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.NotFoundException;
import dev.losslens.system.rejection.Rejection;
import dev.losslens.system.rejection.TooManyRequestsException;
import dev.losslens.text.TokenizedExample;
import dev.losslens.text.Tokenizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/** Renders a conversation with a template, scores it with a checkpoint and lays every mask side by side. */
@Service
class ConversationMasks {

    static final String DEFAULT_EXAMPLE = "two-turns";
    static final String DEFAULT_TEMPLATE = "chatml";
    static final int MAX_TEMPLATE_CHARS = 8000;
    private static final int PICKED_FROM_DATASET = 20;

    /** LossLens's lanes: an objective over a conversation whose response is what a span covers. */
    enum Lane implements Keyed {
        EVERY_TOKEN(ObjectiveKind.PRETRAINING, AnswerSpan.EVERY_TURN),
        EVERY_TURN(ObjectiveKind.INSTRUCTION, AnswerSpan.EVERY_TURN),
        LAST_TURN(ObjectiveKind.INSTRUCTION, AnswerSpan.LAST_TURN),
        WITHOUT_END(ObjectiveKind.INSTRUCTION, AnswerSpan.EVERY_TURN_WITHOUT_END),
        WEIGHTED(ObjectiveKind.WEIGHTED, AnswerSpan.EVERY_TURN);

        private final ObjectiveKind objective;
        private final AnswerSpan span;

        Lane(ObjectiveKind objective, AnswerSpan span) {
            this.objective = objective;
            this.span = span;
        }
    }

    private final ChatTemplates templates;
    private final TemplateRenderer renderer;
    private final MaskLinter linter;
    private final BreakdownService breakdowns;
    private final DatasetCatalogue datasets;

    ConversationMasks(ChatTemplates templates, TemplateRenderer renderer, Tokenizer tokenizer,
                      BreakdownService breakdowns, DatasetCatalogue datasets) {
        this.templates = templates;
        this.datasets = datasets;
        this.renderer = renderer;
        this.linter = new MaskLinter(tokenizer);
        this.breakdowns = breakdowns;
    }

    ChatTemplates templates() {
        return templates;
    }

    /**
     * A bundled example by name, or a conversation of a bundled conversation dataset's training split as
     * {@code dataset:number}.
     */
    Conversation example(String name) {
        String chosen = name == null || name.isBlank() ? DEFAULT_EXAMPLE : name;
        int colon = chosen.indexOf(':');
        Conversation example = colon < 0 ? templates.examples().get(chosen) : fromDataset(chosen.substring(0, colon),
                chosen.substring(colon + 1));
        if (example == null) {
            throw new NotFoundException("example", "conversation.example.unknown", chosen);
        }
        return example;
    }

    private Conversation fromDataset(String dataset, String number) {
        if (datasets.list().stream().noneMatch(info -> info.name().equals(dataset) && info.isConversation())
                || !number.matches("\\d{1,6}")) {
            return null;
        }
        List<Conversation> conversations = datasets.conversations(dataset, Split.TRAIN);
        int index = Integer.parseInt(number);
        return index < conversations.size() ? conversations.get(index) : null;
    }

    /** What the picker offers: the bundled examples, then the first conversations of each conversation dataset. */
    Map<String, String> choices() {
        Map<String, String> choices = new LinkedHashMap<>();
        templates.examples().keySet().forEach(name -> choices.put(name, null));
        for (DatasetInfo info : datasets.list()) {
            if (info.isConversation()) {
                List<Conversation> conversations = datasets.conversations(info.name(), Split.TRAIN);
                for (int i = 0; i < Math.min(PICKED_FROM_DATASET, conversations.size()); i++) {
                    choices.put(info.name() + ":" + i, info.title() + " " + (i + 1) + ": "
                            + conversations.get(i).messages().get(0).content());
                }
            }
        }
        return choices;
    }

    ChatTemplate template(String name, String source) {
        if (source != null) {
            if (source.isBlank()) {
                throw new InvalidInputException("templateSource", "empty", new Rejection.Field("templateSource"));
            }
            if (source.length() > MAX_TEMPLATE_CHARS) {
                throw new InvalidInputException("templateSource", "too-long", new Rejection.Field("templateSource"),
                        source.length(), MAX_TEMPLATE_CHARS);
            }
            return ChatTemplate.pasted(source);
        }
        String chosen = name == null || name.isBlank() ? DEFAULT_TEMPLATE : name;
        return templates.find(chosen)
                .orElseThrow(() -> new NotFoundException("template", "conversation.template.unknown", chosen));
    }

    ConversationView view(ConversationRequest request) {
        Conversation conversation = example(request.example());
        ChatTemplate template = template(request.template(), request.templateSource());
        double lambda = BreakdownService.promptWeight(request.promptWeight());
        String checkpoint = breakdowns.checkpoint(request.checkpoint());
        TokenizedConversation rendered = render(template, conversation);
        TokenScores scores = breakdowns.score(checkpoint, rendered.ids());
        double[] nll = scores.nll();

        Function<MaskRule, List<LintWarning>> lint = linter.linting(rendered);
        List<ConversationView.PolicyLane> lanes = new ArrayList<>();
        for (Lane lane : Lane.values()) {
            TokenizedExample example = rendered.example(lane.span);
            double[] weights = LossObjective.of(lane.objective, lambda).targetWeights(example);
            MaskRule rule = lane.objective == ObjectiveKind.INSTRUCTION ? lane.span : everyToken();
            lanes.add(new ConversationView.PolicyLane(lane.key(), weights, LossTotals.of(nll, weights),
                    lint.apply(rule)));
        }
        List<ConversationView.RosettaRow> rows = new ArrayList<>();
        for (StackSetting setting : StackSetting.values()) {
            boolean[] trained = rendered.trained(setting);
            int count = 0;
            for (boolean t : trained) {
                count += t ? 1 : 0;
            }
            rows.add(new ConversationView.RosettaRow(setting.key(), setting.stack().key(), setting.setting(),
                    setting.source(), setting.sourceLabel(), trained, count, lint.apply(setting)));
        }
        return new ConversationView(request.example() == null || request.example().isBlank() ? DEFAULT_EXAMPLE
                : request.example(), template.name(), !template.bundled(), checkpoint, lambda, ModelConfig.CONTEXT,
                rendered.text(),
                tokens(rendered.tokens(), nll, 0, conversation.lastAnswerIndex()),
                tokens(rendered.cut(), null, rendered.length(), conversation.lastAnswerIndex()), lanes, rows,
                contested(rows));
    }

    private TokenizedConversation render(ChatTemplate template, Conversation conversation) {
        try {
            return renderer.render(template, conversation, ModelConfig.CONTEXT);
        } catch (TemplateException failed) {
            String field = template.bundled() ? "template" : "templateSource";
            if (failed.reason() == TemplateException.Reason.BUSY) {
                throw new TooManyRequestsException(field, "conversation.template.busy");
            }
            throw new InvalidInputException(field, "conversation.template." + failed.reason().key(),
                    new Rejection.Field(field), failed.line(),
                    failed.getMessage(), TemplateRenderer.TIME_LIMIT.toMillis());
        }
    }

    private static MaskRule everyToken() {
        return new MaskRule() {
            @Override
            public boolean trains(ConversationToken token, int lastAnswer) {
                return true;
            }

            @Override
            public boolean answersOnly() {
                return false;
            }
        };
    }

    /** Per token: whether the answers-only settings of the stacks disagree on it. */
    private static boolean[] contested(List<ConversationView.RosettaRow> rows) {
        List<boolean[]> answersOnly = rows.stream()
                .filter(row -> Keyed.of(StackSetting.class, row.setting()).answersOnly())
                .map(ConversationView.RosettaRow::trained).toList();
        boolean[] contested = new boolean[answersOnly.get(0).length];
        for (int t = 0; t < contested.length; t++) {
            int position = t;
            contested[t] = answersOnly.stream().anyMatch(trained -> trained[position] != answersOnly.get(0)[position]);
        }
        return contested;
    }

    private static List<ConversationView.Token> tokens(List<ConversationToken> tokens, double[] nll, int offset,
                                                       int lastAnswer) {
        List<ConversationView.Token> shown = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            ConversationToken token = tokens.get(i);
            Double loss = nll == null || i == 0 || Double.isNaN(nll[i]) ? null : nll[i];
            shown.add(new ConversationView.Token(offset + i, token.text(), token.part().key(),
                    token.speaker() == null ? null : token.speaker().key(), token.message(), token.generated(),
                    token.message() == lastAnswer && token.part() == Part.HEADER, loss));
        }
        return shown;
    }
}
