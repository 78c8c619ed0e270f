package dev.losslens.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenizerTest {

    private static final Tokenizer TOKENIZER = Tokenizer.bundled();

    @ParameterizedTest
    @ValueSource(strings = {
            "The capital of Peru is Lima.",
            "café, naïve, Ångström, jalapeño",
            "robot 🤖 and 👩‍👩‍👧 family",
            "中文 日本語 한국어",
            "<script>alert('x')</script>",
            "  leading and trailing  ",
            "line one\nline two\r\n\ttabbed\n\n\n",
            "<|endoftext|> and <|bos|> typed as text",
            ""})
    void anyTextRoundTripsExactly(String text) {
        int[] ids = TOKENIZER.encode(text);

        assertThat(TOKENIZER.decode(ids)).isEqualTo(text);
        assertThat(boxed(ids)).allSatisfy(id -> assertThat(id).isBetween(0, TOKENIZER.vocabSize() - 1));
    }

    @Test
    void theEmptyStringHasNoTokens() {
        assertThat(TOKENIZER.encode("")).isEmpty();
        assertThat(TOKENIZER.decode(new int[0])).isEmpty();
    }

    @Test
    void randomUnicodeRoundTrips() {
        Random random = new Random(42);
        for (int trial = 0; trial < 300; trial++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                int codePoint = switch (random.nextInt(4)) {
                    case 0 -> 0x20 + random.nextInt(0x5F);          // printable ASCII
                    case 1 -> 0xA0 + random.nextInt(0x2000 - 0xA0); // Latin, Greek, Cyrillic, …
                    case 2 -> 0x4E00 + random.nextInt(0x5000);       // CJK ideographs
                    default -> 0x1F300 + random.nextInt(0x300);      // emoji, outside the BMP
                };
                text.appendCodePoint(codePoint);
            }
            String s = text.toString();
            int[] ids = TOKENIZER.encode(s);
            assertThat(TOKENIZER.decode(ids)).as("trial %d: %s", trial, s).isEqualTo(s);
            assertThat(boxed(ids)).allSatisfy(id -> assertThat(id).isBetween(CompactVocabulary.FIRST_BYTE,
                    TOKENIZER.vocabSize() - 1));
        }
    }

    @Test
    void specialTokenSpellingsInTextAreOrdinaryText() {
        int[] ids = TOKENIZER.encode("<|endoftext|><|bos|><|pad|>");

        assertThat(ids).doesNotContain(CompactVocabulary.PAD, CompactVocabulary.BOS, CompactVocabulary.END_OF_TEXT);
    }

    @Test
    void datasetTextUsesLearnedTokensNotBytes() {
        String text = "The capital of Peru is Lima.";
        int[] ids = TOKENIZER.encode(text);

        assertThat(ids).hasSize(Tokenizer.gpt2Encode(text).size());
        assertThat(boxed(ids)).anySatisfy(id -> assertThat(id).isGreaterThanOrEqualTo(CompactVocabulary.FIRST_GPT2));
        assertThat(TOKENIZER.piece(ids[1])).isEqualTo(" capital");
    }

    @Test
    void emojiOutsideTheVocabularyFallsBackToItsFourUtf8Bytes() {
        int[] ids = TOKENIZER.encode("🤖");

        assertThat(ids).containsExactly(
                CompactVocabulary.byteId((byte) 0xF0), CompactVocabulary.byteId((byte) 0x9F),
                CompactVocabulary.byteId((byte) 0xA4), CompactVocabulary.byteId((byte) 0x96));
        assertThat(Arrays.stream(ids).mapToObj(TOKENIZER::piece))
                .containsExactly("<0xF0>", "<0x9F>", "<0xA4>", "<0x96>");
        assertThat(TOKENIZER.decode(ids)).isEqualTo("🤖");
    }

    @Test
    void wordOutsideTheVocabularyIsSpelledWithSingleByteTokens() {
        String word = "xylophone";
        int[] ids = TOKENIZER.encode(word);

        assertThat(Tokenizer.gpt2Encode(word).size()).isLessThan(word.length());
        assertThat(ids).hasSize(word.length());
        assertThat(boxed(ids)).allSatisfy(id -> assertThat(id).isBetween(CompactVocabulary.FIRST_BYTE,
                CompactVocabulary.FIRST_GPT2 - 1));
        assertThat(Arrays.stream(ids).mapToObj(TOKENIZER::piece))
                .containsExactly("x", "y", "l", "o", "p", "h", "o", "n", "e");
        assertThat(TOKENIZER.decode(ids)).isEqualTo(word);
    }

    @Test
    void aVocabularyWithNoLearnedTokensSpellsEverythingInBytes() {
        Tokenizer bytesOnly = new Tokenizer(CompactVocabulary.parse(List.of("# no GPT-2 tokens")));
        String text = "Die Hauptstadt ist Zürich 中";

        int[] ids = bytesOnly.encode(text);

        assertThat(bytesOnly.vocabSize()).isEqualTo(3 + 256);
        assertThat(ids).hasSize(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(bytesOnly.decode(ids)).isEqualTo(text);
    }

    @Test
    void aVocabularyOnlyChangesIdsNotText() {
        int theGpt2Id = Tokenizer.gpt2Encode(" capital").get(0);
        Tokenizer one = new Tokenizer(CompactVocabulary.parse(List.of(String.valueOf(theGpt2Id))));

        assertThat(one.encode(" capital")).containsExactly(CompactVocabulary.FIRST_GPT2);
        assertThat(one.piece(CompactVocabulary.FIRST_GPT2)).isEqualTo(" capital");
        assertThat(one.encode(" capitals")).hasSizeGreaterThan(1);
        assertThat(one.decode(one.encode(" capital capitals"))).isEqualTo(" capital capitals");
    }

    @Test
    void specialTokensHaveNamedPiecesAndDecodeToNothing() {
        assertThat(TOKENIZER.piece(CompactVocabulary.PAD)).isEqualTo("<|pad|>");
        assertThat(TOKENIZER.piece(CompactVocabulary.BOS)).isEqualTo("<|bos|>");
        assertThat(TOKENIZER.piece(CompactVocabulary.END_OF_TEXT)).isEqualTo("<|endoftext|>");
        assertThat(TOKENIZER.decode(new int[] {CompactVocabulary.BOS, CompactVocabulary.END_OF_TEXT})).isEmpty();
    }

    @Test
    void everyIdHasAPiece() {
        assertThat(IntStream.range(0, TOKENIZER.vocabSize()).mapToObj(TOKENIZER::piece))
                .allSatisfy(piece -> assertThat(piece).isNotEmpty());
        assertThat(TOKENIZER.piece(CompactVocabulary.byteId((byte) 'a'))).isEqualTo("a");
        assertThat(TOKENIZER.piece(CompactVocabulary.byteId((byte) 0xE4))).isEqualTo("<0xE4>");
    }

    @Test
    void bundledVocabularyHoldsSpecialsBytesAndDatasetTokens() {
        assertThat(TOKENIZER.vocabSize()).isGreaterThan(CompactVocabulary.FIRST_GPT2)
                .isEqualTo(CompactVocabulary.loadBundled().size());
        assertThat(boxed(CompactVocabulary.loadBundled().gpt2Ids()))
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(Tokenizer.gpt2Bytes(id)).hasSizeGreaterThan(1));
    }

    private static List<Integer> boxed(int[] ids) {
        return Arrays.stream(ids).boxed().toList();
    }
}
