package dev.losslens.system.words;

import dev.losslens.system.files.BundledFiles;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * A bundled JSON file in one language: its translation beside it when there is one ({@code objectives.fr.json} next to
 * {@code objectives.json}), in the pseudo-locale the English file with every sentence field pseudo-localised, and
 * otherwise the English file. Ids, keys and the pairs a model reads are never touched.
 */
public final class LocalisedFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TRANSLATION = Pattern.compile(".*\\.[a-z]{2,3}(-[A-Za-z0-9]+)*\\.json");

    private LocalisedFiles() {
    }

    /** The originals among bundled files: a translation ({@code objectives.fr.json}) is read with its original. */
    public static List<Resource> originals(List<Resource> files) {
        return files.stream().filter(file -> !TRANSLATION.matcher(file.getFilename()).matches()).toList();
    }

    /**
     * @param sentences the names of the fields that hold sentences (a string, or a list of strings); every other
     *                  field is data and stays as written
     */
    public static String read(Resource english, Locale locale, Set<String> sentences) {
        String text = BundledFiles.read(english);
        if (locale.equals(Languages.ENGLISH)) {
            return text;
        }
        Optional<Resource> translation = translation(english, locale);
        if (translation.isPresent()) {
            return BundledFiles.read(translation.get());
        }
        if (!locale.equals(Languages.PSEUDO)) {
            return text;
        }
        JsonNode root = JSON.readTree(text);
        pseudo(root, sentences);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** The translation beside the file, if it has one; a file that is not in a folder (a test's) has none. */
    private static Optional<Resource> translation(Resource english, Locale locale) {
        try {
            Resource beside = english.createRelative(english.getFilename()
                    .replaceFirst("\\.json$", "." + locale.toLanguageTag() + ".json"));
            return beside.exists() ? Optional.of(beside) : Optional.empty();
        } catch (IOException | UnsupportedOperationException notInAFolder) {
            return Optional.empty();
        }
    }

    private static void pseudo(JsonNode node, Set<String> sentences) {
        if (node instanceof ObjectNode object) {
            for (String field : object.propertyNames()) {
                JsonNode value = object.get(field);
                if (sentences.contains(field) && value.isString()) {
                    object.set(field, StringNode.valueOf(PseudoLocalisedMessages.pseudo(value.asString())));
                } else if (sentences.contains(field) && value instanceof ArrayNode list) {
                    for (int i = 0; i < list.size(); i++) {
                        if (list.get(i).isString()) {
                            list.set(i, StringNode.valueOf(PseudoLocalisedMessages.pseudo(list.get(i).asString())));
                        } else {
                            pseudo(list.get(i), sentences);
                        }
                    }
                } else {
                    pseudo(value, sentences);
                }
            }
        } else if (node instanceof ArrayNode list) {
            list.forEach(item -> pseudo(item, sentences));
        }
    }
}
