package dev.losslens.dataset.generator;

import dev.losslens.dataset.PromptResponsePair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** A long prompt with a one-word answer: which word of an 8 to 12 word list comes first alphabetically. */
final class FirstWordTask {

    private static final long SEED = 4004;
    private static final int TRAIN_PAIRS = 800;
    private static final int HELDOUT_PAIRS = 80;
    private static final int MIN_WORDS = 8;
    private static final int MAX_WORDS = 12;
    private static final String QUESTION = "Which word in this list comes first alphabetically? ";

    private FirstWordTask() {
    }

    static GeneratedTask generate() {
        Random random = new Random(SEED);
        Set<PromptResponsePair> pairs = new LinkedHashSet<>();
        while (pairs.size() < TRAIN_PAIRS + HELDOUT_PAIRS) {
            pairs.add(randomPair(random));
        }
        List<PromptResponsePair> all = new ArrayList<>(pairs);
        return new GeneratedTask("first-word", "First word alphabetically",
                "A long list prompt with a one-word answer: the word that comes first in alphabetical order.",
                "by list: random lists of %d to %d nouns; no held-out prompt appears in the train split."
                        .formatted(MIN_WORDS, MAX_WORDS),
                List.copyOf(all.subList(HELDOUT_PAIRS, all.size())), List.copyOf(all.subList(0, HELDOUT_PAIRS)),
                List.of());
    }

    private static PromptResponsePair randomPair(Random random) {
        List<String> nouns = new ArrayList<>(EnglishWords.NOUNS);
        Collections.shuffle(nouns, random);
        List<String> list = nouns.subList(0, MIN_WORDS + random.nextInt(MAX_WORDS - MIN_WORDS + 1));
        String first = list.stream().sorted().findFirst().orElseThrow();
        return new PromptResponsePair(QUESTION + String.join(", ", list), first);
    }
}
