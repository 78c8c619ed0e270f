package dev.losslens.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The templates and example conversations bundled in {@code sample-datasets/templates/}: two good templates
 * (ChatML-style and Llama-3-style, both with {@code {% generation %}} blocks), templates with the mistakes the mask
 * linter warns about, and conversations to try them on.
 */
public final class ChatTemplates {

    static final String FOLDER = "sample-datasets/templates/";

    private record Manifest(List<TemplateEntry> templates, List<Example> examples) {
    }

    private record TemplateEntry(String name, String file, String bos, String eos) {
    }

    private record Example(String name, List<Message> messages) {
    }

    private final Map<String, ChatTemplate> templates = new LinkedHashMap<>();
    private final Map<String, Conversation> examples = new LinkedHashMap<>();

    private ChatTemplates(Manifest manifest) {
        for (TemplateEntry entry : manifest.templates()) {
            templates.put(entry.name(), new ChatTemplate(entry.name(), read(FOLDER + entry.file()), entry.bos(),
                    entry.eos(), true));
        }
        for (Example example : manifest.examples()) {
            examples.put(example.name(), new Conversation(example.messages()));
        }
    }

    public static ChatTemplates bundled() {
        return new ChatTemplates(JsonMapper.builder().build().readValue(read(FOLDER + "templates.json"), Manifest.class));
    }

    public List<ChatTemplate> templates() {
        return List.copyOf(templates.values());
    }

    public Optional<ChatTemplate> find(String name) {
        return Optional.ofNullable(templates.get(name));
    }

    public ChatTemplate get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no bundled template " + name));
    }

    /** Example conversations by name, in the manifest's order. */
    public Map<String, Conversation> examples() {
        return Collections.unmodifiableMap(examples);
    }

    private static String read(String resource) {
        try (InputStream in = ChatTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
