import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How whole typed sentences stay under the compact vocabulary and under larger ones: course prose the vocabulary was
 * not built from (the quiz bank and the lecture deck, every string of 30 characters or more) is encoded with GPT-2's
 * tokenizer; a GPT-2 token outside a vocabulary falls back to its bytes, one chip each. Prints, per vocabulary, its
 * size, the share of GPT-2 tokens kept whole and the chips per word.
 * Usage: java -cp jtokkit.jar VocabularyCoverage.java sample-datasets
 */
public class VocabularyCoverage {

    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.){30,})\"");
    private static final int SPECIALS = 3;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Set<Integer> compact = new HashSet<>();
        for (String line : Files.readAllLines(root.resolve("vocab/gpt2-token-ids.txt"))) {
            if (!line.startsWith("#") && !line.isBlank()) {
                compact.add(Integer.parseInt(line.trim()));
            }
        }
        List<String> texts = new ArrayList<>();
        try (var files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")
                    && (f.toString().contains("quizzes") || f.toString().contains("lectures"))).sorted().toList()) {
                Matcher m = STRING.matcher(Files.readString(file));
                while (m.find()) {
                    String text = m.group(1).replace("\\n", "\n").replace("\\\"", "\"");
                    if (text.contains(" ")) {
                        texts.add(text);
                    }
                }
            }
        }
        Encoding gpt2 = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
        List<IntArrayList> encoded = texts.stream().map(gpt2::encodeOrdinary).toList();
        long words = texts.stream().mapToLong(t -> t.trim().split("\\s+").length).sum();
        System.out.printf("%d strings, %d words of course prose%n", texts.size(), words);
        report("compact (bundled)", compact, encoded, gpt2, words);
        for (int top : new int[] {4096, 8192, 16384, 50257}) {
            Set<Integer> larger = new HashSet<>(compact);
            for (int id = 256; id < top; id++) {
                larger.add(id);
            }
            report("compact + GPT-2 ids < " + top, larger, encoded, gpt2, words);
        }
    }

    private static void report(String name, Set<Integer> vocabulary, List<IntArrayList> encoded, Encoding gpt2,
                               long words) {
        long tokens = 0;
        long whole = 0;
        long chips = 0;
        for (IntArrayList ids : encoded) {
            for (int i = 0; i < ids.size(); i++) {
                int id = ids.get(i);
                tokens++;
                IntArrayList one = new IntArrayList(1);
                one.add(id);
                int bytes = gpt2.decodeBytes(one).length;
                if (bytes == 1 || vocabulary.contains(id)) {
                    whole++;
                    chips++;
                } else {
                    chips += bytes;
                }
            }
        }
        int size = SPECIALS + 256 + (int) vocabulary.stream().filter(id -> id >= 256).count();
        System.out.printf("%-26s vocab %6d  GPT-2 tokens kept whole %5.1f %%  chips per word %.2f%n", name, size,
                100.0 * whole / tokens, (double) chips / words);
    }
}
