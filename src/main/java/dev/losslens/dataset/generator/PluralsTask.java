package dev.losslens.dataset.generator;

import dev.losslens.dataset.PromptResponsePair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Plurals and opposites. Split by word group: a held-out noun, or both words of a held-out opposite pair, never
 * appear in the train split.
 */
final class PluralsTask {

    private static final long SEED = 3003;
    private static final int HELDOUT_NOUNS = 15;
    private static final int HELDOUT_OPPOSITE_PAIRS = 6;

    private PluralsTask() {
    }

    static GeneratedTask generate() {
        Random random = new Random(SEED);
        List<String> nouns = new ArrayList<>(EnglishWords.NOUNS);
        List<List<String>> opposites = new ArrayList<>(EnglishWords.OPPOSITES);
        Collections.shuffle(nouns, random);
        Collections.shuffle(opposites, random);

        List<PromptResponsePair> train = new ArrayList<>();
        List<PromptResponsePair> heldout = new ArrayList<>();
        List<String> facts = new ArrayList<>();
        for (int i = 0; i < nouns.size(); i++) {
            String noun = nouns.get(i);
            String plural = EnglishWords.plural(noun);
            List<PromptResponsePair> into = i < HELDOUT_NOUNS ? heldout : train;
            into.add(new PromptResponsePair("Give the plural of " + noun + ".", plural));
            into.add(new PromptResponsePair("What is the plural of " + noun + "?", plural));
            facts.add("The plural of " + noun + " is \"" + plural + "\".");
        }
        for (int i = 0; i < opposites.size(); i++) {
            List<PromptResponsePair> into = i < HELDOUT_OPPOSITE_PAIRS ? heldout : train;
            List<String> pair = opposites.get(i);
            for (int side = 0; side < 2; side++) {
                String word = pair.get(side);
                String opposite = pair.get(1 - side);
                into.add(new PromptResponsePair("Give the opposite of " + word + ".", opposite));
                into.add(new PromptResponsePair("What is the opposite of " + word + "?", opposite));
                facts.add("The opposite of " + word + " is \"" + opposite + "\".");
            }
        }
        Collections.shuffle(train, random);
        Collections.shuffle(heldout, random);
        return new GeneratedTask("plurals", "Plurals and opposites",
                "Give the plural of a noun or the opposite of a word, including irregular forms like mouse and mice.",
                "by word group: %d nouns and %d opposite pairs (both directions) are held out."
                        .formatted(HELDOUT_NOUNS, HELDOUT_OPPOSITE_PAIRS),
                train, heldout, facts);
    }
}
