package dev.losslens.dataset.generator;

import dev.losslens.conversation.Conversation;
import dev.losslens.dataset.DatasetInfo;
import dev.losslens.dataset.PromptResponsePair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code sample-datasets/}: the JSONL splits of every task, the pre-training corpus, the manifest the app
 * reads and the README. Deterministic (fixed seeds, no clock): two runs give byte-identical files. Files in that
 * folder that it does not name (vocabulary, checkpoints) are left alone. Regenerate with {@value #COMMAND}.
 */
public final class SampleDatasetGenerator {

    static final String COMMAND = "./mvnw -q -B compile && "
            + "java -cp target/classes dev.losslens.dataset.generator.SampleDatasetGenerator sample-datasets";

    private SampleDatasetGenerator() {
    }

    public static void main(String[] args) {
        Path outputDir = Path.of(args.length > 0 ? args[0] : "sample-datasets");
        generate(outputDir);
        System.out.println("wrote sample datasets to " + outputDir.toAbsolutePath().normalize());
    }

    public static void generate(Path outputDir) {
        List<GeneratedTask> tasks = tasks();
        List<GeneratedConversations> conversationTasks = conversationTasks();
        Map<String, List<String>> corpus = corpus(tasks);
        Map<String, String> files = new LinkedHashMap<>();
        for (GeneratedTask task : tasks) {
            files.put(task.name() + "/train.jsonl", jsonl(task.train()));
            files.put(task.name() + "/heldout.jsonl", jsonl(task.heldout()));
        }
        for (GeneratedConversations task : conversationTasks) {
            files.put(task.name() + "/train.jsonl", conversationsJsonl(task.train()));
            files.put(task.name() + "/heldout.jsonl", conversationsJsonl(task.heldout()));
        }
        corpus.forEach((path, documents) -> files.put(path, String.join("\n\n", documents) + "\n"));
        List<DatasetInfo> infos = new ArrayList<>(tasks.stream().map(GeneratedTask::info).toList());
        conversationTasks.forEach(task -> infos.add(task.info()));
        files.put("datasets.json", manifest(infos, corpus.keySet()));
        files.put("README.md", SampleDatasetsReadme.render(tasks, conversationTasks, files));
        files.forEach((path, content) -> write(outputDir.resolve(path), content));
    }

    /** In manifest order: capitals first, as the app's default. */
    static List<GeneratedTask> tasks() {
        return List.of(CapitalsTask.generate(), ArithmeticTask.generate(), ReversalTask.generate(),
                PluralsTask.generate(), FirstWordTask.generate(), ChatTask.generate());
    }

    /** After the pair tasks in the manifest. */
    static List<GeneratedConversations> conversationTasks() {
        return List.of(ConversationTask.generate());
    }

    private static Map<String, List<String>> corpus(List<GeneratedTask> tasks) {
        Map<String, GeneratedTask> byName = new LinkedHashMap<>();
        tasks.forEach(task -> byName.put(task.name(), task));
        return PretrainingCorpus.write(byName);
    }

    private static String jsonl(List<PromptResponsePair> pairs) {
        StringBuilder out = new StringBuilder();
        for (PromptResponsePair pair : pairs) {
            out.append("{\"prompt\": ").append(json(pair.prompt()))
                    .append(", \"response\": ").append(json(pair.response())).append("}\n");
        }
        return out.toString();
    }

    /** {@code {"messages": [{"role": ..., "content": ...}, ...]}} per line. */
    private static String conversationsJsonl(List<Conversation> conversations) {
        StringBuilder out = new StringBuilder();
        for (Conversation conversation : conversations) {
            List<String> messages = conversation.messages().stream()
                    .map(message -> "{\"role\": " + json(message.speaker().key()) + ", \"content\": "
                            + json(message.content()) + "}")
                    .toList();
            out.append("{\"messages\": [").append(String.join(", ", messages)).append("]}\n");
        }
        return out.toString();
    }

    /** Pair datasets carry no format; the others say theirs. */
    private static String manifest(List<DatasetInfo> infos, Iterable<String> corpusFiles) {
        StringBuilder out = new StringBuilder("{\n  \"datasets\": [\n");
        for (int i = 0; i < infos.size(); i++) {
            DatasetInfo info = infos.get(i);
            out.append("    {\"name\": ").append(json(info.name()))
                    .append(", \"title\": ").append(json(info.title()))
                    .append(", \"description\": ").append(json(info.description()))
                    .append(", \"train\": ").append(info.train())
                    .append(", \"heldout\": ").append(info.heldout())
                    .append(info.isConversation() ? ", \"format\": " + json(info.format().key()) : "")
                    .append(i + 1 < infos.size() ? "},\n" : "}\n");
        }
        out.append("  ],\n  \"corpus\": [");
        List<String> quoted = new ArrayList<>();
        corpusFiles.forEach(file -> quoted.add(json(file)));
        return out.append(String.join(", ", quoted)).append("]\n}\n").toString();
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? "\\u%04x".formatted((int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
