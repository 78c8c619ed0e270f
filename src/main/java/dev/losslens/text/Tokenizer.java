package dev.losslens.text;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** GPT-2 byte-level BPE (r50k_base) mapped onto the compact vocabulary, with byte fallback. */
public final class Tokenizer {

    private static final Encoding GPT2 = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.R50K_BASE);

    private final CompactVocabulary vocabulary;

    public Tokenizer(CompactVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public static Tokenizer bundled() {
        return new Tokenizer(CompactVocabulary.loadBundled());
    }

    public int vocabSize() {
        return vocabulary.size();
    }

    /** Plain text to compact ids; special-token spellings in the text are ordinary text. */
    public int[] encode(String text) {
        IntArrayList gpt2Tokens = GPT2.encodeOrdinary(text);
        IntArrayList ids = new IntArrayList(gpt2Tokens.size());
        for (int i = 0; i < gpt2Tokens.size(); i++) {
            int gpt2Id = gpt2Tokens.get(i);
            int compactId = vocabulary.compactId(gpt2Id);
            if (compactId >= 0) {
                ids.add(compactId);
            } else {
                for (byte b : gpt2Bytes(gpt2Id)) {
                    ids.add(CompactVocabulary.byteId(b));
                }
            }
        }
        return ids.toArray();
    }

    /** Compact ids back to text; special tokens are left out. Exact inverse of {@link #encode}. */
    public String decode(int[] ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int id : ids) {
            bytes.writeBytes(bytesOf(id));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * How many byte tokens {@link #encode} spells out for multi-byte GPT-2 pieces the compact vocabulary does not hold
     * (a one-byte piece such as "." is its own byte token either way).
     */
    public int fallbackBytes(String text) {
        IntArrayList gpt2Tokens = GPT2.encodeOrdinary(text);
        int bytes = 0;
        for (int i = 0; i < gpt2Tokens.size(); i++) {
            int length = gpt2Bytes(gpt2Tokens.get(i)).length;
            if (length > 1 && vocabulary.compactId(gpt2Tokens.get(i)) < 0) {
                bytes += length;
            }
        }
        return bytes;
    }

    /** What a student sees for one token: its text, a special token's name, or a lone byte as {@code <0xF0>}. */
    public String piece(int id) {
        if (id == CompactVocabulary.PAD) {
            return "<|pad|>";
        }
        if (id == CompactVocabulary.BOS) {
            return "<|bos|>";
        }
        if (id == CompactVocabulary.END_OF_TEXT) {
            return "<|endoftext|>";
        }
        byte[] bytes = bytesOf(id);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException partOfACharacter) {
            StringBuilder hex = new StringBuilder();
            for (byte b : bytes) {
                hex.append(String.format("<0x%02X>", Byte.toUnsignedInt(b)));
            }
            return hex.toString();
        }
    }

    private byte[] bytesOf(int id) {
        if (vocabulary.isSpecial(id)) {
            return new byte[0];
        }
        if (vocabulary.isByte(id)) {
            return new byte[] {(byte) (id - CompactVocabulary.FIRST_BYTE)};
        }
        return gpt2Bytes(vocabulary.gpt2Id(id));
    }

    static byte[] gpt2Bytes(int gpt2Id) {
        IntArrayList one = new IntArrayList(1);
        one.add(gpt2Id);
        return GPT2.decodeBytes(one);
    }

    static IntArrayList gpt2Encode(String text) {
        return GPT2.encodeOrdinary(text);
    }
}
