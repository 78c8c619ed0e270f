package dev.losslens.quiz.bank;

import dev.losslens.conversation.Conversation;
import dev.losslens.conversation.Message;
import dev.losslens.conversation.Speaker;
import dev.losslens.conversation.StackSetting;
import dev.losslens.model.ModelConfig;
import dev.losslens.notation.Keyed;
import dev.losslens.objective.LossObjective;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.system.files.BundledFiles;
import dev.losslens.system.files.JsonFields;
import dev.losslens.system.words.Localised;
import dev.losslens.system.words.LocalisedFiles;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.Tokenizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The question bank: every file of {@code sample-datasets/quizzes/}, one concept each, in file-name order, in every
 * language the pages speak (the reader's is handed out). Read and checked at start-up; a bad file stops the app with
 * the file, the item, the line and what is wrong.
 */
@Component
public class QuizBank {

    static final String LOCATION = "classpath*:sample-datasets/quizzes/*.json";
    static final int MIN_ITEMS_PER_CONCEPT = 4;
    /** The fields that hold sentences; the rest are ids, keys and the pairs the model reads. */
    private static final Set<String> SENTENCES = Set.of("title", "explanation", "stem", "text", "feedback", "statement");

    private final Localised<Bank> banks;

    /** The concepts in order, and every item by its id. */
    private record Bank(List<Concept> concepts, Map<String, QuizItem> items) {
    }

    @Autowired
    public QuizBank(InstructionTemplate template, Tokenizer tokenizer) {
        this(template, tokenizer, BundledFiles.list(LOCATION));
    }

    QuizBank(InstructionTemplate template, Tokenizer tokenizer, List<Resource> files) {
        BankConversations conversations = new BankConversations(tokenizer);
        this.banks = new Localised<>(locale -> read(template, conversations, LocalisedFiles.originals(files), locale));
    }

    private static Bank read(InstructionTemplate template, BankConversations conversations, List<Resource> files,
                             Locale locale) {
        List<Concept> read = new ArrayList<>();
        Map<String, QuizItem> items = new LinkedHashMap<>();
        for (Resource file : files) {
            Concept concept = new BankFile(file.getFilename(), LocalisedFiles.read(file, locale, SENTENCES), template,
                    conversations).concept(read.size() + 1);
            concept.items().forEach(item -> {
                if (items.putIfAbsent(item.id(), item) != null) {
                    throw new QuizBankException(file.getFilename(), item.id(), null, "the id is used twice in the bank");
                }
            });
            read.add(concept);
        }
        return new Bank(List.copyOf(read), items);
    }

    public List<Concept> concepts() {
        return banks.current().concepts();
    }

    public Optional<Concept> concept(String id) {
        return concepts().stream().filter(concept -> concept.id().equals(id)).findFirst();
    }

    public Optional<QuizItem> item(String id) {
        return Optional.ofNullable(id == null ? null : banks.current().items().get(id));
    }

    public List<QuizItem> items() {
        return List.copyOf(banks.current().items().values());
    }

    /** One file while it is read: knows its name and text, so every complaint can say where. */
    private static final class BankFile {

        private final String name;
        private final String text;
        private final InstructionTemplate template;
        private final BankConversations conversations;
        private final JsonFields fields = new JsonFields(this::fail);
        private String itemId;

        BankFile(String name, String text, InstructionTemplate template, BankConversations conversations) {
            this.name = name;
            this.text = text;
            this.template = template;
            this.conversations = conversations;
        }

        Concept concept(int order) {
            JsonNode root = JsonFields.parse(text, (line, what) -> new QuizBankException(name, null, line, what));
            String concept = id(root, "concept");
            if (concept.equals(Concept.INSTRUCTORS)) {
                throw fail("the concept '" + Concept.INSTRUCTORS + "' is the instructors' questions; name this one otherwise");
            }
            List<QuizItem> items = new ArrayList<>();
            for (JsonNode item : array(root, "items", MIN_ITEMS_PER_CONCEPT)) {
                itemId = id(item, "id");
                items.add(item(item, concept));
            }
            itemId = null;
            List<String> explanation = array(root, "explanation", 1).stream().map(node -> string(node, null)).toList();
            String explore = text(root, "explore");
            if (!explore.startsWith("/explore")) {
                throw fail("explore must be an explorer address starting with /explore");
            }
            return new Concept(concept, order, text(root, "title"), explanation, explore, id(root, "preset"),
                    List.copyOf(items));
        }

        private QuizItem item(JsonNode item, String concept) {
            String kind = text(item, "kind");
            return switch (kind) {
                case "choice", "multiple" -> choice(item, concept, kind.equals("choice"));
                case "true-false" -> new TrueFalseItem(itemId, concept, text(item, "statement"),
                        bool(item, "answer"), options(item, "reasons", true), "", "", text(item, "feedback"));
                case "mark-targets" -> new MarkTargetsItem(itemId, concept, objective(item), pair(item.get("pair")),
                        text(item, "feedback"));
                case "mark-trained" -> markTrained(item, concept);
                case "compute-loss" -> computeLoss(item, concept);
                case "mask-bug" -> new MaskBugItem(itemId, concept, pair(item.get("pair")), bug(item),
                        text(item, "feedback"));
                case "predict" -> new PredictItem(itemId, concept, id(item, "preset"), outcome(item),
                        text(item, "stem"), text(item, "feedback"));
                case "diagnose" -> new DiagnoseItem(itemId, concept, id(item, "bug"), text(item, "feedback"));
                default -> throw fail("kind must be choice, multiple, true-false, mark-targets, mark-trained, "
                        + "compute-loss, mask-bug, predict or diagnose, was '" + kind + "'");
            };
        }

        private ChoiceItem choice(JsonNode item, String concept, boolean single) {
            return new ChoiceItem(itemId, concept, single ? QuizItem.Kind.CHOICE : QuizItem.Kind.MULTIPLE,
                    text(item, "stem"), options(item, "options", single), "");
        }

        private List<Option> options(JsonNode item, String field, boolean exactlyOneRight) {
            List<Option> options = new ArrayList<>(array(item, field, 2).stream()
                    .map(node -> new Option(text(node, "text"), bool(node, "correct"), text(node, "feedback")))
                    .toList());
            // authors write the right option first; learners see a fixed order of the item's own
            Collections.shuffle(options, new Random((itemId + "/" + field).hashCode()));
            long right = options.stream().filter(Option::correct).count();
            if (exactlyOneRight ? right != 1 : right < 1) {
                throw fail("%s needs %s right option, has %d".formatted(field, exactlyOneRight ? "exactly one" : "at least one",
                        right));
            }
            return List.copyOf(options);
        }

        private LossObjective objective(JsonNode item) {
            ObjectiveKind kind = objectiveKind(item);
            if (kind != ObjectiveKind.WEIGHTED) {
                return LossObjective.of(kind, 0);
            }
            double lambda = number(item, "lambda");
            if (!(lambda > 0 && lambda <= 1)) {
                throw fail("lambda of a weighted mark-targets item must be above 0 and at most 1");
            }
            return LossObjective.weighted(lambda);
        }

        /** A conversation rendered by a bundled template, and the stack setting whose trained tokens are marked. */
        private MarkTrainedItem markTrained(JsonNode item, String concept) {
            String setting = text(item, "setting");
            StackSetting stackSetting = Keyed.parse(StackSetting.class, setting).orElseThrow(() -> fail(
                    "setting must be one of " + Keyed.choices(StackSetting.class) + ", was '" + setting + "'"));
            List<Message> messages = array(item, "conversation", 2).stream().map(message -> {
                String role = text(message, "role");
                Speaker speaker = Keyed.parse(Speaker.class, role).orElseThrow(() -> fail("role must be one of "
                        + Keyed.choices(Speaker.class) + ", was '" + role + "'"));
                return new Message(speaker, text(message, "content"));
            }).toList();
            String template = text(item, "template");
            try {
                return new MarkTrainedItem(itemId, concept, conversations.render(template, new Conversation(messages)),
                        template, stackSetting, text(item, "feedback"));
            } catch (IllegalArgumentException e) {
                throw fail(e.getMessage());
            }
        }

        private PredictItem.Outcome outcome(JsonNode item) {
            String outcome = text(item, "outcome");
            return Keyed.parse(PredictItem.Outcome.class, outcome).orElseThrow(() -> fail("outcome must be one of "
                    + Keyed.choices(PredictItem.Outcome.class) + ", was '" + outcome + "'"));
        }

        private MaskBug bug(JsonNode item) {
            String bug = text(item, "bug");
            return Keyed.parse(MaskBug.class, bug).orElseThrow(() -> fail("bug must be one of "
                    + Keyed.choices(MaskBug.class) + ", was '" + bug + "'"));
        }

        private ObjectiveKind objectiveKind(JsonNode item) {
            String objective = text(item, "objective");
            return Keyed.parse(ObjectiveKind.class, objective).orElseThrow(() -> fail("objective must be one of "
                    + Keyed.choices(ObjectiveKind.class) + ", was '" + objective + "'"));
        }

        private ComputeLossItem computeLoss(JsonNode item, String concept) {
            ObjectiveKind objective = objectiveKind(item);
            String quantity = text(item, "quantity");
            if (!Set.of("sum", "mean").contains(quantity)) {
                throw fail("quantity must be sum or mean, was '" + quantity + "'");
            }
            List<Double> lambdas = List.of(0.0);
            if (objective == ObjectiveKind.WEIGHTED) {
                lambdas = array(item, "lambdas", 1).stream().map(node -> {
                    double lambda = node.isNumber() ? node.asDouble() : Double.NaN;
                    if (!(lambda >= 0 && lambda <= 1)) {
                        throw fail("every lambda must be a number from 0 to 1");
                    }
                    return lambda;
                }).toList();
            } else if (item.has("lambdas")) {
                throw fail("lambdas belong to the weighted objective only");
            }
            double tolerance = number(item, "tolerance");
            if (!(tolerance > 0 && tolerance < 1)) {
                throw fail("tolerance must be above 0 and below 1");
            }
            List<Pair> pairs = array(item, "pairs", 1).stream().map(this::pair).toList();
            if (new HashSet<>(pairs).size() != pairs.size()) {
                throw fail("pairs repeat");
            }
            return new ComputeLossItem(itemId, concept, objective, ComputeLossItem.Quantity.valueOf(quantity.toUpperCase()),
                    pairs, lambdas, tolerance, text(item, "feedback"));
        }

        private Pair pair(JsonNode node) {
            if (node == null || !node.isObject()) {
                throw fail("a pair must be an object with prompt and response");
            }
            Pair pair = new Pair(text(node, "prompt"), text(node, "response"));
            if (template.render(pair.prompt(), pair.response()).length() > ModelConfig.CONTEXT) {
                throw fail("the pair '" + pair.prompt() + "' does not fit the model's context of " + ModelConfig.CONTEXT
                        + " tokens");
            }
            return pair;
        }

        private String id(JsonNode node, String field) {
            return fields.id(node, field);
        }

        private String text(JsonNode node, String field) {
            return fields.text(node, field);
        }

        private String string(JsonNode value, String field) {
            return fields.string(value, field);
        }

        private boolean bool(JsonNode node, String field) {
            return fields.bool(node, field);
        }

        private double number(JsonNode node, String field) {
            return fields.number(node, field);
        }

        private List<JsonNode> array(JsonNode node, String field, int atLeast) {
            return fields.array(node, field, atLeast);
        }

        private QuizBankException fail(String what) {
            return new QuizBankException(name, itemId, itemLine(), what);
        }

        /** The line of the item's id, where the reader can start looking; null outside an item. */
        private Integer itemLine() {
            return JsonFields.lineOf(text, itemId);
        }
    }
}
