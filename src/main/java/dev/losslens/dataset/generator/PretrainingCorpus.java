package dev.losslens.dataset.generator;

import dev.losslens.dataset.PromptResponsePair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The base model's unlabelled text: short documents of several shapes, the way a web corpus mixes them. Fact sheets
 * under a {@code ### Heading:} line, paragraphs of prose, comma-separated word lists, and worked questions written
 * as {@code Q:} and {@code A:} lines. Every fact of every task is stated, held-out ones included, so the base knows
 * what a held-out question asks about; worked questions come only from train pairs, and no document contains the
 * instruction template or a held-out prompt.
 */
final class PretrainingCorpus {

    private static final long SEED = 7007;
    private static final int SHEET_LINES = 6;
    private static final int WORKED_PER_DOCUMENT = 3;
    /** Every nth train pair is also written as a worked question. */
    private static final int WORKED_EVERY = 3;
    private static final int WORD_LISTS = 300;

    private final Random random = new Random(SEED);

    private PretrainingCorpus() {
    }

    /** Corpus file → its documents, in manifest order. */
    static Map<String, List<String>> write(Map<String, GeneratedTask> tasks) {
        return new PretrainingCorpus().documents(tasks);
    }

    private Map<String, List<String>> documents(Map<String, GeneratedTask> tasks) {
        Map<String, List<String>> files = new LinkedHashMap<>();
        // the facts the course's lesson leans on come more often, and also one to a document
        List<String> capitals = new ArrayList<>(mixed(tasks.get("capitals"), List.of("Capitals", "Geography notes",
                "Countries and their capitals", "Travel notes"), "Geography quiz", 4));
        capitals.addAll(tasks.get("capitals").facts());
        files.put("corpus/capitals.txt", shuffled(capitals));
        files.put("corpus/arithmetic.txt", mixed(tasks.get("arithmetic"), List.of("Sums", "Arithmetic notes",
                "Number facts", "Homework answers"), "Arithmetic practice", 2));
        List<String> words = new ArrayList<>(mixed(tasks.get("plurals"), List.of("Plurals", "Opposites",
                "Word notes", "Spelling notes"), "Word quiz", 2));
        words.addAll(mixed(tasks.get("reversal"), List.of("Words backwards", "Spelling games", "Letter games"),
                "Spelling quiz", 2));
        files.put("corpus/words.txt", shuffled(words));
        files.put("corpus/lists.txt", wordLists(tasks.get("first-word")));
        files.put("corpus/course.txt", mixed(tasks.get("chat"), List.of("Instruction tuning", "Pre-training",
                "Response tokens", "Course notes", "Instruction data", "Response loss"), "Course questions", 2));
        return files;
    }

    /**
     * Every fact of the task {@code passes} times, each time in a new shuffle, alternately in fact sheets and in
     * prose paragraphs, and worked train questions.
     */
    private List<String> mixed(GeneratedTask task, List<String> headings, String quizHeading, int passes) {
        List<String> documents = new ArrayList<>();
        for (int pass = 0; pass < passes; pass++) {
            List<String> facts = shuffled(task.facts());
            for (int from = 0; from < facts.size(); from += SHEET_LINES) {
                List<String> chunk = facts.subList(from, Math.min(from + SHEET_LINES, facts.size()));
                documents.add(pass % 2 == 0 ? sheet(chunk, headings) : String.join(" ", chunk));
            }
        }
        List<PromptResponsePair> worked = new ArrayList<>();
        for (int i = 0; i < task.train().size(); i += WORKED_EVERY) {
            PromptResponsePair pair = task.train().get(i);
            // a train prompt that wraps a held-out one ("Quick question: ...") would put the held-out prompt here
            if (task.heldout().stream().noneMatch(heldout -> pair.prompt().contains(heldout.prompt()))) {
                worked.add(pair);
            }
        }
        for (int from = 0; from < worked.size(); from += WORKED_PER_DOCUMENT) {
            documents.add("### " + quizHeading + ":\n" + worked.subList(from, Math.min(from + WORKED_PER_DOCUMENT,
                    worked.size())).stream().map(pair -> "Q: " + pair.prompt() + "\nA: " + pair.response())
                    .collect(Collectors.joining("\n")));
        }
        return shuffled(documents);
    }

    /** Two sections, each under its own heading, so a heading also follows a line break. */
    private String sheet(List<String> lines, List<String> headings) {
        int half = (lines.size() + 1) / 2;
        return "### " + headings.get(random.nextInt(headings.size())) + ":\n" + String.join("\n", lines.subList(0, half))
                + (half < lines.size() ? "\n### " + headings.get(random.nextInt(headings.size())) + ":\n"
                + String.join("\n", lines.subList(half, lines.size())) : "");
    }

    /** Random noun lists and their alphabetical order, none of them a held-out list. */
    private List<String> wordLists(GeneratedTask firstWord) {
        Set<String> heldout = firstWord.heldout().stream().map(PromptResponsePair::prompt)
                .map(prompt -> prompt.substring(prompt.indexOf('?') + 2)).collect(Collectors.toSet());
        List<String> documents = new ArrayList<>();
        while (documents.size() < WORD_LISTS) {
            List<String> nouns = shuffled(EnglishWords.NOUNS).subList(0, 5 + random.nextInt(8));
            String list = String.join(", ", nouns);
            if (heldout.contains(list)) {
                continue;
            }
            List<String> sorted = nouns.stream().sorted().toList();
            documents.add(switch (documents.size() % 4) {
                case 0 -> "### Word list:\n" + list + "\nIn alphabetical order: " + String.join(", ", sorted) + ".";
                case 1 -> "A shopping list: " + list + ". The first word alphabetically is " + sorted.get(0) + ".";
                case 2 -> "Of the words in this list, " + sorted.get(0) + " comes first alphabetically: " + list
                        + ".";
                default -> "Sort these words: " + list + "\nSorted: " + String.join(", ", sorted)
                        + "\nFirst: " + sorted.get(0);
            });
        }
        return documents;
    }

    private <T> List<T> shuffled(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return copy;
    }
}
