package dev.losslens.dataset;

import dev.losslens.conversation.Conversation;
import dev.losslens.system.rejection.NotFoundException;
import dev.losslens.system.words.Localised;
import dev.losslens.system.words.LocalisedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled datasets and pre-training corpus, read once from {@code classpath:sample-datasets/} at start-up.
 * Which files exist comes only from the manifest {@code datasets.json}: a name asked for by a user is looked up
 * among the manifest's names and never becomes part of a path. The manifest's titles and descriptions are read in
 * every language the pages speak; the pairs are the same in all.
 */
@Component
public class SampleDatasets {

    private static final String ROOT = "classpath:sample-datasets/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> SENTENCES = Set.of("title", "description");

    record Manifest(List<Entry> datasets, List<String> corpus) {
    }

    /** A dataset as the manifest lists it. */
    record Entry(String name, String title, String description, int train, int heldout, DatasetFormat format) {

        DatasetInfo info() {
            return new DatasetInfo(name, title, description, train, heldout, DatasetOrigin.BUNDLED,
                    format == null ? DatasetFormat.PAIR : format);
        }
    }

    private final Localised<Map<String, DatasetInfo>> infos;
    private final Map<String, Map<Split, List<PromptResponsePair>>> pairs = new LinkedHashMap<>();
    private final Map<String, Map<Split, List<Conversation>>> conversations = new LinkedHashMap<>();
    private final List<String> corpusDocuments = new ArrayList<>();

    public SampleDatasets(ResourceLoader resources) {
        Resource manifestFile = resources.getResource(ROOT + "datasets.json");
        this.infos = new Localised<>(locale -> {
            Map<String, DatasetInfo> named = new LinkedHashMap<>();
            JSON.readValue(LocalisedFiles.read(manifestFile, locale, SENTENCES), Manifest.class).datasets()
                    .forEach(entry -> named.put(entry.name(), entry.info()));
            return named;
        });
        for (DatasetInfo info : infos.english().values()) {
            if (info.isConversation()) {
                conversations.put(info.name(), readSplits(resources, info, ConversationLine.class,
                        ConversationLine::conversation));
            } else {
                pairs.put(info.name(), readSplits(resources, info, PromptResponsePair.class, pair -> pair));
            }
        }
        for (String file : JSON.readValue(text(resources, "datasets.json"), Manifest.class).corpus()) {
            Arrays.stream(text(resources, file).split("\n\n")).map(String::strip).filter(document -> !document.isEmpty())
                    .forEach(corpusDocuments::add);
        }
    }

    /** In manifest order; the first is the default. */
    public List<DatasetInfo> list() {
        return List.copyOf(infos.current().values());
    }

    public Optional<DatasetInfo> find(String name) {
        return Optional.ofNullable(name).map(infos.current()::get);
    }

    public DatasetInfo require(String name) {
        return require(name, "name");
    }

    /** The dataset, or a not-found naming {@code field} and the known datasets. */
    public DatasetInfo require(String name, String field) {
        return find(name).orElseThrow(() -> new NotFoundException(field, "dataset.unknown", name,
                String.join(", ", infos.english().keySet())));
    }

    /** A pair dataset's split. */
    public List<PromptResponsePair> pairs(String name, Split split) {
        return pairs.get(require(name).name()).get(split);
    }

    /** A conversation dataset's split. */
    public List<Conversation> conversations(String name, Split split) {
        return conversations.get(require(name).name()).get(split);
    }

    /** Every document of every corpus file (documents are separated by a blank line), in manifest order. */
    public List<String> corpusDocuments() {
        return Collections.unmodifiableList(corpusDocuments);
    }

    private static <L, T> Map<Split, List<T>> readSplits(ResourceLoader resources, DatasetInfo info, Class<L> line,
                                                         Function<L, T> item) {
        Map<Split, List<T>> splits = new EnumMap<>(Split.class);
        splits.put(Split.TRAIN, readLines(resources, info, Split.TRAIN, info.train(), line, item));
        splits.put(Split.HELDOUT, readLines(resources, info, Split.HELDOUT, info.heldout(), line, item));
        return splits;
    }

    private static <L, T> List<T> readLines(ResourceLoader resources, DatasetInfo info, Split split, int expected,
                                            Class<L> line, Function<L, T> item) {
        String file = info.name() + "/" + split.label() + ".jsonl";
        List<T> read = text(resources, file).lines()
                .filter(text -> !text.isBlank())
                .map(text -> item.apply(JSON.readValue(text, line)))
                .collect(Collectors.toUnmodifiableList());
        if (read.size() != expected) {
            throw new IllegalStateException("sample-datasets/%s has %d lines but datasets.json says %d"
                    .formatted(file, read.size(), expected));
        }
        return read;
    }

    private static String text(ResourceLoader resources, String file) {
        try (InputStream in = resources.getResource(ROOT + file).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sample-datasets/" + file, e);
        }
    }
}
