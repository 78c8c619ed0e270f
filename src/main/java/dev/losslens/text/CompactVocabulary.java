package dev.losslens.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's token ids: three special tokens, the 256 single bytes, then the GPT-2 tokens that occur in the
 * bundled datasets. Any GPT-2 token outside this list is spelled with its bytes, so no text is ever unknown.
 * The list is a committed file, versioned with the base checkpoint: it never changes when datasets are added.
 */
public final class CompactVocabulary {

    public static final String RESOURCE = "sample-datasets/vocab/gpt2-token-ids.txt";

    public static final int PAD = 0;
    public static final int BOS = 1;
    public static final int END_OF_TEXT = 2;
    static final int FIRST_BYTE = 3;
    static final int FIRST_GPT2 = FIRST_BYTE + 256;

    private final int[] gpt2Ids;
    private final Map<Integer, Integer> compactIdByGpt2Id = new HashMap<>();

    CompactVocabulary(int[] gpt2Ids) {
        this.gpt2Ids = gpt2Ids.clone();
        for (int i = 0; i < gpt2Ids.length; i++) {
            compactIdByGpt2Id.put(gpt2Ids[i], FIRST_GPT2 + i);
        }
    }

    public static CompactVocabulary loadBundled() {
        try (InputStream in = CompactVocabulary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE + " on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CompactVocabulary parse(List<String> lines) {
        return new CompactVocabulary(lines.stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .mapToInt(Integer::parseInt)
                .toArray());
    }

    public int size() {
        return FIRST_GPT2 + gpt2Ids.length;
    }

    /** The compact id of a GPT-2 token, or -1 when it falls back to bytes. */
    int compactId(int gpt2Id) {
        return compactIdByGpt2Id.getOrDefault(gpt2Id, -1);
    }

    static int byteId(byte b) {
        return FIRST_BYTE + Byte.toUnsignedInt(b);
    }

    boolean isByte(int id) {
        return id >= FIRST_BYTE && id < FIRST_GPT2;
    }

    boolean isSpecial(int id) {
        return id < FIRST_BYTE;
    }

    /** GPT-2 id behind a compact id of a learned token. */
    int gpt2Id(int id) {
        return gpt2Ids[id - FIRST_GPT2];
    }

    int[] gpt2Ids() {
        return Arrays.copyOf(gpt2Ids, gpt2Ids.length);
    }
}
