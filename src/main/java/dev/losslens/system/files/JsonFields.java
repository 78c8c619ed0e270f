package dev.losslens.system.files;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the fields of a hand-written JSON file (the quiz bank, a lecture deck) and says exactly what is wrong with
 * one, through the file's own failure, which knows where in the file the reader is.
 */
public final class JsonFields {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

    private final Function<String, ? extends RuntimeException> fail;

    public JsonFields(Function<String, ? extends RuntimeException> fail) {
        this.fail = fail;
    }

    public RuntimeException fail(String what) {
        return fail.apply(what);
    }

    public String id(JsonNode node, String field) {
        String id = text(node, field);
        if (!ID.matcher(id).matches()) {
            throw fail(field + " must be lower-case letters, digits and '-', was '" + id + "'");
        }
        return id;
    }

    public String text(JsonNode node, String field) {
        return string(node.get(field), field);
    }

    public String string(JsonNode value, String field) {
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw fail((field == null ? "every entry" : field) + " must be a non-empty string");
        }
        return value.asString();
    }

    public boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw fail(field + " must be true or false");
        }
        return value.asBoolean();
    }

    public double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw fail(field + " must be a number");
        }
        return value.asDouble();
    }

    public List<JsonNode> array(JsonNode node, String field, int atLeast) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray() || value.size() < atLeast) {
            throw fail("%s must be a list of at least %d".formatted(field, atLeast));
        }
        List<JsonNode> entries = new ArrayList<>();
        value.forEach(entries::add);
        return entries;
    }

    /** The file's JSON; when it is not JSON, the file's own failure with the parser's line and message. */
    public static JsonNode parse(String text, BiFunction<Integer, String, ? extends RuntimeException> failAtLine) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            throw failAtLine.apply(e.getLocation() == null ? null : e.getLocation().getLineNr(), e.getOriginalMessage());
        }
    }

    /** The line where {@code "id"} first appears in the file's text, where its author can start looking. */
    public static Integer lineOf(String text, String id) {
        if (id == null) {
            return null;
        }
        int at = text.indexOf("\"" + id + "\"");
        return at < 0 ? null : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
