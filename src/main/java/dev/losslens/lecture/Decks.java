package dev.losslens.lecture;

import dev.losslens.lab.LabPreset;
import dev.losslens.lecture.Deck.Kind;
import dev.losslens.lecture.Deck.NumberQuestion;
import dev.losslens.lecture.Deck.Step;
import dev.losslens.notation.Keyed;
import dev.losslens.quiz.grading.ClassQuestions;
import dev.losslens.quiz.grading.ClassQuestions.ClassQuestion;
import dev.losslens.system.files.BundledFiles;
import dev.losslens.system.files.JsonFields;
import dev.losslens.system.rejection.NotFoundException;
import dev.losslens.system.words.Localised;
import dev.losslens.system.words.LocalisedFiles;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The lecture decks of {@code sample-datasets/lectures/}, in every language the pages speak (the reader's is handed
 * out), read and checked at start-up like the quiz bank: a bad file stops the app with the file, the step, the line
 * and what is wrong.
 */
@Component
class Decks {

    static final String LOCATION = "classpath*:sample-datasets/lectures/*.json";
    /** A lecture's worth; number keys 1–9 and 0 jump to the first ten steps, the arrows reach the rest. */
    static final int MAX_STEPS = 20;
    private static final Set<Kind> ASKING = EnumSet.of(Kind.POLL, Kind.REVEAL, Kind.LAMBDA, Kind.MYSTERY);
    private static final Set<Kind> RACING = EnumSet.of(Kind.RACE, Kind.REVEAL);

    /** The fields that hold sentences; the rest are ids, keys and the pair the model reads. */
    private static final Set<String> SENTENCES = Set.of("title", "lines", "notes", "text");

    private final Localised<Map<String, Deck>> decks;

    @Autowired
    Decks(ClassQuestions questions) {
        this(questions, BundledFiles.list(LOCATION));
    }

    Decks(ClassQuestions questions, List<Resource> files) {
        this.decks = new Localised<>(locale -> read(questions, LocalisedFiles.originals(files), locale));
    }

    private static Map<String, Deck> read(ClassQuestions questions, List<Resource> files, Locale locale) {
        Map<String, Deck> decks = new LinkedHashMap<>();
        for (Resource file : files) {
            Deck deck = new DeckFile(file.getFilename(), LocalisedFiles.read(file, locale, SENTENCES), questions).deck();
            if (decks.putIfAbsent(deck.id(), deck) != null) {
                throw new DeckException(file.getFilename(), null, null, "the deck id " + deck.id() + " is used twice");
            }
        }
        if (decks.isEmpty()) {
            throw new IllegalStateException("No lecture deck under " + LOCATION);
        }
        return decks;
    }

    Optional<Deck> find(String id) {
        return Optional.ofNullable(id == null ? null : decks.current().get(id));
    }

    /** The deck a session runs; a 404 if it has been uninstalled since. */
    Deck of(ClassSession session) {
        return find(session.deck()).orElseThrow(() -> new NotFoundException("deck", "class.deck-gone", session.deck()));
    }

    /** The deck a new class session runs. */
    Deck first() {
        return decks.current().values().iterator().next();
    }

    /** One file while it is read: knows its name and text, so every complaint can say where. */
    private static final class DeckFile {

        private final String name;
        private final String text;
        private final ClassQuestions bank;
        private final JsonFields fields = new JsonFields(this::fail);
        private String stepId;

        DeckFile(String name, String text, ClassQuestions bank) {
            this.name = name;
            this.text = text;
            this.bank = bank;
        }

        Deck deck() {
            JsonNode root = JsonFields.parse(text, (line, what) -> new DeckException(name, null, line, what));
            List<NumberQuestion> numbers = new ArrayList<>();
            JsonNode asked = root.get("questions");
            if (asked != null) {
                for (JsonNode question : fields.array(root, "questions", 0)) {
                    numbers.add(number(question));
                }
            }
            List<JsonNode> nodes = fields.array(root, "steps", 1);
            if (nodes.size() > MAX_STEPS) {
                throw fail("a deck has at most %d steps".formatted(MAX_STEPS));
            }
            List<Step> steps = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (JsonNode node : nodes) {
                stepId = fields.id(node, "id");
                if (!ids.add(stepId)) {
                    throw fail("the step id is used twice");
                }
                steps.add(step(node, steps.size(), numbers));
            }
            stepId = null;
            return new Deck(fields.id(root, "id"), fields.text(root, "title"), fields.text(root, "prompt"),
                    fields.text(root, "response"), List.copyOf(steps), List.copyOf(numbers));
        }

        private Step step(JsonNode node, int index, List<NumberQuestion> numbers) {
            String key = fields.text(node, "kind");
            Kind kind = Keyed.parse(Kind.class, key).orElseThrow(() -> fail("kind must be one of "
                    + Keyed.choices(Kind.class) + ", was '" + key + "'"));
            String question = ASKING.contains(kind) ? fields.id(node, "question") : null;
            if (question != null && bank.find(question).isEmpty()
                    && numbers.stream().noneMatch(number -> number.id().equals(question))) {
                throw fail("question '" + question + "' is neither a choice, true/false or lane prediction of the "
                        + "quiz bank nor a number question of this deck");
            }
            String preset = RACING.contains(kind) ? fields.id(node, "preset") : null;
            if (preset != null && Keyed.parse(LabPreset.class, preset).isEmpty()) {
                throw fail("preset '" + preset + "' is not a lab preset");
            }
            String mystery = kind == Kind.MYSTERY ? bank.find(question).map(ClassQuestion::bug).orElseThrow(() ->
                    fail("a mystery step asks a diagnose item of the quiz bank, not '" + question + "'")) : null;
            return new Step(index, stepId, kind, fields.text(node, "title"),
                    fields.array(node, "lines", 1).stream().map(line -> fields.string(line, null)).toList(),
                    fields.text(node, "notes"), question, preset, charts(node), mystery,
                    node.get("optional") != null && fields.bool(node, "optional"));
        }

        /** The charts a race step draws: held-out response NLL unless the step names others. */
        private List<RaceChart> charts(JsonNode node) {
            if (node.get("charts") == null) {
                return List.of(RaceChart.RESPONSE_NLL);
            }
            return fields.array(node, "charts", 1).stream().map(chart -> {
                String key = fields.string(chart, "charts");
                return Keyed.parse(RaceChart.class, key).orElseThrow(() -> fail("charts may name "
                        + Keyed.choices(RaceChart.class) + ", not '" + key + "'"));
            }).toList();
        }

        private NumberQuestion number(JsonNode node) {
            stepId = null;
            String id = fields.id(node, "id");
            if (!"number".equals(fields.text(node, "kind"))) {
                throw fail("a deck's own question " + id + " must be of kind number; others come from the quiz bank");
            }
            double min = fields.number(node, "min");
            double max = fields.number(node, "max");
            if (!(min < max)) {
                throw fail("question " + id + " needs min below max");
            }
            return new NumberQuestion(id, fields.text(node, "text"), min, max);
        }

        private DeckException fail(String what) {
            return new DeckException(name, stepId, JsonFields.lineOf(text, stepId), what);
        }
    }
}
