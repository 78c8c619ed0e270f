package dev.losslens.conversation;

import dev.losslens.text.CompactVocabulary;
import dev.losslens.text.Tokenizer;
import java.util.stream.IntStream;
import java.util.List;
import java.util.Map;

/**
 * Special tokens in a rendered conversation. The compact vocabulary has one beginning-of-sequence and one
 * end-of-text token and never grows, so every stack's spelling of "begin" becomes the first and every spelling of
 * "end of turn" the second; other markers such as {@code <|im_start|>} are ordinary text. Only template text is read
 * this way: a spelling inside a message's content stays text.
 */
final class SpecialTokens {

    static final String BOS_SPELLING = "<|bos|>";
    static final String END_SPELLING = "<|endoftext|>";

    /** Longest first, so that no spelling is found inside another. */
    static final Map<String, Integer> IDS = Map.of(
            "<|begin_of_text|>", CompactVocabulary.BOS,
            BOS_SPELLING, CompactVocabulary.BOS,
            "<s>", CompactVocabulary.BOS,
            "<|im_end|>", CompactVocabulary.END_OF_TEXT,
            "<|eot_id|>", CompactVocabulary.END_OF_TEXT,
            END_SPELLING, CompactVocabulary.END_OF_TEXT,
            "<|end_of_text|>", CompactVocabulary.END_OF_TEXT,
            "</s>", CompactVocabulary.END_OF_TEXT);

    static final List<String> SPELLINGS = IDS.keySet().stream()
            .sorted((a, b) -> Integer.compare(b.length(), a.length())).toList();

    private SpecialTokens() {
    }

    /** The spelling that starts at {@code from}, or null. */
    static String at(String text, int from) {
        for (String spelling : SPELLINGS) {
            if (text.startsWith(spelling, from)) {
                return spelling;
            }
        }
        return null;
    }

    static boolean isEnd(String spelling) {
        return spelling != null && IDS.get(spelling) == CompactVocabulary.END_OF_TEXT;
    }

    /** The whole text tokenized at once, as a tokenizer does: split at special spellings, the rest encoded. */
    static int[] encode(Tokenizer tokenizer, String text) {
        IntStream.Builder ids = IntStream.builder();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            String spelling = at(text, i);
            if (spelling != null) {
                IntStream.of(tokenizer.encode(text.substring(from, i))).forEach(ids::add);
                ids.add(IDS.get(spelling));
                i += spelling.length() - 1;
                from = i + 1;
            }
        }
        IntStream.of(tokenizer.encode(text.substring(from))).forEach(ids::add);
        return ids.build().toArray();
    }
}
