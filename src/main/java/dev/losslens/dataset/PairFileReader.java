package dev.losslens.dataset;

import static dev.losslens.system.words.Wording.sentence;

import dev.losslens.system.rejection.Rejection.Field;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.TokenizedExample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one uploaded JSONL file as it streams in, a line at a time, and checks every line: UTF-8, one JSON object with
 * exactly a string {@code prompt} and a string {@code response}, neither empty, no control characters, within the
 * character bounds, within the context with the template, and not a pair seen before in this upload. Every bad line
 * is reported with its number; nothing is kept of a line longer than a pair can be, and reading stops at the file
 * size or line bound, so an upload costs at most its bounded size whatever it holds.
 */
final class PairFileReader {

    /** Where a pair was first seen, for naming the line a duplicate repeats. */
    record Seen(Split file, int line) {
    }

    /** The good pairs of a file; {@code tooLarge} when it went past the size bound and was not read to its end. */
    record Read(List<CheckedPair> pairs, boolean tooLarge) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int HEAD = 8;
    private static final int CHUNK = 64 * 1024;

    private final DatasetLimits limits;
    private final InstructionTemplate template;
    private final LineProblems problems;
    private final Map<PromptResponsePair, Seen> seen;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    PairFileReader(DatasetLimits limits, InstructionTemplate template, LineProblems problems,
                   Map<PromptResponsePair, Seen> seen) {
        this.limits = limits;
        this.template = template;
        this.problems = problems;
        this.seen = seen;
    }

    /** The state of one file being read. */
    private final class Reading {

        final Split file;
        final byte[] line = new byte[limits.maxLineBytes()];
        final List<CheckedPair> pairs = new ArrayList<>();
        int length;
        long lineBytes;
        long read;
        int number;
        int counted;
        boolean stopped;

        Reading(Split file) {
            this.file = file;
        }

        void consume(byte[] bytes, int from, int to) {
            for (int i = from; i < to && !stopped; i++) {
                byte b = bytes[i];
                if (b == 0) {
                    problems.add(file, 0, "dataset.file.zero-byte", read - (to - i) + 1);
                    stopped = true;
                } else if (b == '\n') {
                    endLine();
                } else {
                    if (length < line.length) {
                        line[length++] = b;
                    }
                    lineBytes++;
                }
            }
        }

        void endLine() {
            number++;
            try {
                if (lineBytes > line.length) {
                    counted++;
                    problems.add(file, number, "dataset.line.bytes", lineBytes, line.length);
                } else if (!blank()) {
                    counted++;
                    if (counted > limits.maxLines()) {
                        problems.add(file, 0, "dataset.file.too-many-lines", limits.maxLines(), number);
                        stopped = true;
                        return;
                    }
                    check(this, number, length > 0 && line[length - 1] == '\r' ? length - 1 : length);
                }
            } finally {
                length = 0;
                lineBytes = 0;
            }
        }

        private boolean blank() {
            for (int i = 0; i < length; i++) {
                if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    Read read(Split file, InputStream in) throws IOException {
        Reading reading = new Reading(file);
        byte[] head = in.readNBytes(HEAD);
        reading.read = head.length;
        if (reading.read > limits.maxFileSize().toBytes()) {
            return new Read(reading.pairs, true);
        }
        String kind = binaryKind(head);
        if (kind != null) {
            problems.add(file, 0, "dataset.file.binary", kind);
            return new Read(reading.pairs, false);
        }
        if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
            problems.add(file, 0, "dataset.file.utf16");
            return new Read(reading.pairs, false);
        }
        // a byte-order mark (as some editors save UTF-8) is not part of the first line
        boolean mark = head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF;
        reading.consume(head, mark ? 3 : 0, head.length);
        byte[] chunk = new byte[CHUNK];
        int n;
        while (!reading.stopped && (n = in.read(chunk)) != -1) {
            reading.read += n;
            if (reading.read > limits.maxFileSize().toBytes()) {
                return new Read(reading.pairs, true);
            }
            reading.consume(chunk, 0, n);
        }
        if (!reading.stopped && reading.lineBytes > 0) {
            reading.endLine();
        }
        if (reading.read == 0) {
            problems.add(file, 0, "dataset.file.empty");
        } else if (reading.pairs.isEmpty() && reading.counted == 0 && !reading.stopped) {
            problems.add(file, 0, "dataset.file.no-pairs");
        }
        return new Read(reading.pairs, false);
    }

    /** A file format that is certainly not text, by its first bytes. */
    private static String binaryKind(byte[] head) {
        String hex = HexFormat.of().formatHex(head);
        if (hex.startsWith("1f8b")) {
            return "gzip";
        }
        if (hex.startsWith("504b0304")) {
            return "ZIP";
        }
        if (hex.startsWith("25504446")) {
            return "PDF";
        }
        if (hex.startsWith("89504e47")) {
            return "PNG";
        }
        return null;
    }

    private void check(Reading reading, int number, int length) {
        Split file = reading.file;
        CharBuffer decoded = CharBuffer.allocate(length);
        utf8.reset();
        ByteBuffer bytes = ByteBuffer.wrap(reading.line, 0, length);
        CoderResult result = utf8.decode(bytes, decoded, true);
        if (!result.isError()) {
            result = utf8.flush(decoded);
        }
        if (result.isError()) {
            problems.add(file, number, "dataset.line.utf8", bytes.position() + 1);
            return;
        }
        String text = decoded.flip().toString();
        String prompt = null;
        String response = null;
        List<String> extra = new ArrayList<>();
        boolean bad = false;
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                problems.add(file, number, "dataset.line.not-object", kind(first));
                return;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                boolean known = name.equals("prompt") || name.equals("response");
                if (!known) {
                    extra.add(name);
                } else if ((name.equals("prompt") ? prompt : response) != null) {
                    problems.add(file, number, "dataset.line.repeated", name);
                    bad = true;
                } else if (value != JsonToken.VALUE_STRING) {
                    problems.add(file, number, "dataset.line.not-string", name, kind(value));
                    bad = true;
                    // remembered as present, so it is not also reported missing
                    if (name.equals("prompt")) {
                        prompt = "";
                    } else {
                        response = "";
                    }
                } else if (name.equals("prompt")) {
                    prompt = parser.getString();
                } else {
                    response = parser.getString();
                }
                parser.skipChildren();
            }
            if (token != JsonToken.END_OBJECT) {
                throw new IllegalStateException("a JSON parser ended an object with " + token);
            }
            if (parser.nextToken() != null) {
                problems.add(file, number, "dataset.line.trailing", parser.currentTokenLocation().getColumnNr());
                return;
            }
        } catch (JacksonException notJson) {
            problems.add(file, number, "dataset.line.not-json", Math.max(1, notJson.getLocation() == null ? 1
                    : notJson.getLocation().getColumnNr()));
            return;
        }
        for (String name : extra) {
            problems.add(file, number, "dataset.line.extra", shortened(name));
            bad = true;
        }
        if (prompt == null) {
            problems.add(file, number, "dataset.line.missing", "prompt");
            bad = true;
        }
        if (response == null) {
            problems.add(file, number, "dataset.line.missing", "response");
            bad = true;
        }
        if (bad) {
            return;
        }
        boolean fine = text(file, number, "prompt", prompt, limits.promptChars());
        fine &= text(file, number, "response", response, limits.responseChars());
        if (!fine) {
            return;
        }
        TokenizedExample example = template.render(prompt, response);
        if (example.length() > limits.pairTokens()) {
            problems.add(file, number, "dataset.line.context", example.length(), example.promptLength(),
                    example.length() - example.promptLength(), limits.pairTokens());
            return;
        }
        Seen first = seen.putIfAbsent(new PromptResponsePair(prompt, response), new Seen(file, number));
        if (first != null) {
            problems.add(file, number, "dataset.line.duplicate", first.line(),
                    new Field(first.file().label()));
            return;
        }
        reading.pairs.add(new CheckedPair(number, prompt, response, example.length(), example.promptLength()));
    }

    /** Whether one side is non-empty text of allowed characters within its bound; reports it if not. */
    private boolean text(Split file, int number, String name, String value, int maxChars) {
        if (value.isBlank()) {
            problems.add(file, number, "dataset.line.empty", name);
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                problems.add(file, number, "dataset.line.surrogate", name, codePoint(c));
                return false;
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                problems.add(file, number, "dataset.line.control", name, codePoint(c));
                return false;
            }
        }
        if (value.length() > maxChars) {
            problems.add(file, number, "dataset.line.too-long", name, value.length(), maxChars);
            return false;
        }
        return true;
    }

    private static String codePoint(char c) {
        return "U+%04X".formatted((int) c);
    }

    /** A field name as a message shows it: at most 40 characters. */
    private static String shortened(String name) {
        return name.length() <= 40 ? name : name.substring(0, 39) + "…";
    }

    /** What a JSON value is, as a sentence of the bundles. */
    private static Object kind(JsonToken token) {
        String kind = token == null ? "nothing" : switch (token) {
            case START_ARRAY -> "array";
            case START_OBJECT -> "object";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
        return sentence("dataset.json." + kind);
    }
}
