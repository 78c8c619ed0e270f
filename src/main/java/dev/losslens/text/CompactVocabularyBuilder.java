package dev.losslens.text;

import com.knuddels.jtokkit.api.IntArrayList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes the compact vocabulary: every GPT-2 token that occurs in the bundled datasets and corpus, plus the
 * template. Run once per base checkpoint version:
 * {@code java -jar target/losslens.jar build-vocab sample-datasets}.
 */
public final class CompactVocabularyBuilder {

    private CompactVocabularyBuilder() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "sample-datasets");
        TreeSet<Integer> gpt2Ids = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(CompactVocabularyBuilder::isDatasetText).sorted().toList()) {
                for (String value : textsOf(file)) {
                    addAll(gpt2Ids, Tokenizer.gpt2Encode(value));
                }
            }
        }
        gpt2Ids.removeIf(id -> Tokenizer.gpt2Bytes(id).length == 1);
        Path out = root.resolve(CompactVocabulary.RESOURCE.substring("sample-datasets/".length()));
        Files.createDirectories(out.getParent());
        StringBuilder text = new StringBuilder("# GPT-2 (r50k_base) token ids of the compact vocabulary, in order.\n")
                .append("# Compact id = 259 + line index. Regenerate only together with the base checkpoint.\n");
        gpt2Ids.forEach(id -> text.append(id).append('\n'));
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.println("wrote " + gpt2Ids.size() + " GPT-2 tokens to " + out);
    }

    private static boolean isDatasetText(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".jsonl") || (name.endsWith(".txt") && file.getParent().getFileName().toString().equals("corpus"));
    }

    /**
     * JSONL lines contribute their prompt and response values, or their messages' contents; corpus lines are taken
     * whole.
     */
    private static List<String> textsOf(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!file.toString().endsWith(".jsonl")) {
            return lines;
        }
        var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        return lines.stream()
                .filter(line -> !line.isBlank())
                .flatMap(line -> {
                    var node = mapper.readTree(line);
                    if (node.has("messages")) {
                        return node.get("messages").valueStream().map(message -> message.get("content").asString());
                    }
                    return Stream.of(InstructionTemplate.promptText(node.get("prompt").asString()), node.get("response").asString());
                })
                .toList();
    }

    private static void addAll(TreeSet<Integer> into, IntArrayList ids) {
        for (int i = 0; i < ids.size(); i++) {
            into.add(ids.get(i));
        }
    }
}
