package dev.losslens.dataset.generator;

import dev.losslens.dataset.PromptResponsePair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Spell a short noun backwards. Split by word: a held-out word is never reversed in the train split. Only words of
 * three to five letters, because every reversed word brings new GPT-2 pieces into the compact vocabulary.
 */
final class ReversalTask {

    private static final long SEED = 2002;
    private static final int HELDOUT_WORDS = 15;
    private static final List<String> TEMPLATES = List.of("Reverse the word: %s", "Spell %s backwards.",
            "Write the word %s backwards.", "What is %s spelled backwards?");

    private ReversalTask() {
    }

    static GeneratedTask generate() {
        Random random = new Random(SEED);
        List<String> words = new ArrayList<>(EnglishWords.NOUNS.stream()
                .filter(word -> word.length() >= 3 && word.length() <= 5)
                .toList());
        Collections.shuffle(words, random);
        List<PromptResponsePair> heldout = pairs(words.subList(0, HELDOUT_WORDS));
        List<PromptResponsePair> train = pairs(words.subList(HELDOUT_WORDS, words.size()));
        Collections.shuffle(train, random);
        Collections.shuffle(heldout, random);
        List<String> facts = words.stream()
                .map(word -> "The word " + word + " spelled backwards is \"" + reversed(word) + "\".")
                .toList();
        return new GeneratedTask("reversal", "Word reversal",
                "Spell a short common noun backwards, letter by letter.",
                "by word: %d words are held out and never reversed in the train split.".formatted(HELDOUT_WORDS),
                train, heldout, facts);
    }

    private static List<PromptResponsePair> pairs(List<String> words) {
        List<PromptResponsePair> pairs = new ArrayList<>();
        for (String word : words) {
            for (String template : TEMPLATES) {
                pairs.add(new PromptResponsePair(template.formatted(word), reversed(word)));
            }
        }
        return pairs;
    }

    private static String reversed(String word) {
        return new StringBuilder(word).reverse().toString();
    }
}
