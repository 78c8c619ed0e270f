package dev.losslens.dataset.generator;

import dev.losslens.conversation.Conversation;
import dev.losslens.conversation.Message;
import dev.losslens.conversation.Speaker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Two-turn conversations whose last answer depends on the first turn: a running total (start at a number, then add
 * or take away), and a word to remember and then spell backwards or put in the plural. Which assistant turns carry
 * loss is the lab's question, so the first answer is learnable too. A third of the running totals open with a short
 * system message; no longer one fits: ChatML's markers and role names fall back to bytes in the compact vocabulary
 * (about 15 to 20 tokens a message), and five messages must still fit the 128-token context.
 */
final class ConversationTask {

    private static final long SEED = 7007;
    private static final int TRAIN_PER_KIND = 100;
    private static final int HELDOUT_PER_KIND = 14;
    private static final List<String> REMEMBER = List.of("Remember the word %s.", "My word is %s.");
    private static final List<String> NOTED = List.of("Noted.", "OK.");
    private static final String SYSTEM = "Answer briefly.";

    private ConversationTask() {
    }

    static GeneratedConversations generate() {
        Random random = new Random(SEED);
        List<Conversation> train = new ArrayList<>();
        List<Conversation> heldout = new ArrayList<>();
        for (List<Conversation> kind : List.of(runningTotals(random), backwards(random), plurals(random))) {
            heldout.addAll(kind.subList(0, HELDOUT_PER_KIND));
            train.addAll(kind.subList(HELDOUT_PER_KIND, HELDOUT_PER_KIND + TRAIN_PER_KIND));
        }
        Collections.shuffle(train, random);
        Collections.shuffle(heldout, random);
        return new GeneratedConversations("conversations", "Two-turn conversations",
                "Keep a running total, or remember a word and then spell it backwards or give its plural: "
                        + "the last answer needs the first turn.",
                "by conversation: %d of each kind are held out, and no held-out conversation occurs in the train split."
                        .formatted(HELDOUT_PER_KIND),
                train, heldout);
    }

    /** "Start at 12." "12" "Add 7." "19": every number stays within 0..99, one GPT-2 token. */
    private static List<Conversation> runningTotals(Random random) {
        Set<Conversation> made = new LinkedHashSet<>();
        while (made.size() < HELDOUT_PER_KIND + TRAIN_PER_KIND) {
            int start = 10 + random.nextInt(80);
            int step = 2 + random.nextInt(18);
            boolean add = start + step < 100 && (start - step < 0 || random.nextBoolean());
            Conversation total = conversation("Start at " + start + ".", String.valueOf(start),
                    (add ? "Add " : "Take away ") + step + ".", String.valueOf(add ? start + step : start - step));
            made.add(random.nextInt(3) == 0 ? withSystem(total) : total);
        }
        return List.copyOf(made);
    }

    private static List<Conversation> backwards(Random random) {
        return remembered(random, "Spell it backwards.", word -> new StringBuilder(word).reverse().toString());
    }

    private static List<Conversation> plurals(Random random) {
        return remembered(random, "What is its plural?", EnglishWords::plural);
    }

    private static List<Conversation> remembered(Random random, String question,
                                                 UnaryOperator<String> answer) {
        List<String> words = new ArrayList<>(EnglishWords.NOUNS);
        Collections.shuffle(words, random);
        Set<Conversation> made = new LinkedHashSet<>();
        for (int i = 0; made.size() < HELDOUT_PER_KIND + TRAIN_PER_KIND; i++) {
            String word = words.get(i % words.size());
            made.add(conversation(REMEMBER.get(random.nextInt(REMEMBER.size())).formatted(word),
                    NOTED.get(random.nextInt(NOTED.size())), question, answer.apply(word)));
        }
        return List.copyOf(made);
    }

    private static Conversation withSystem(Conversation conversation) {
        List<Message> messages = new ArrayList<>(List.of(new Message(Speaker.SYSTEM, SYSTEM)));
        messages.addAll(conversation.messages());
        return new Conversation(messages);
    }

    private static Conversation conversation(String first, String firstAnswer, String second,
                                             String secondAnswer) {
        return new Conversation(List.of(new Message(Speaker.USER, first), new Message(Speaker.ASSISTANT, firstAnswer),
                new Message(Speaker.USER, second), new Message(Speaker.ASSISTANT, secondAnswer)));
    }
}
