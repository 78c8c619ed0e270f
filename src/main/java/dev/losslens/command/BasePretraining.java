package dev.losslens.command;

import ai.djl.ndarray.NDManager;
import dev.losslens.dataset.SampleDatasets;
import dev.losslens.model.BaseCheckpoint;
import dev.losslens.model.Checkpoints;
import dev.losslens.model.DjlEngine;
import dev.losslens.model.GptParameters;
import dev.losslens.model.ModelConfig;
import dev.losslens.objective.LossObjective;
import dev.losslens.text.CompactVocabulary;
import dev.losslens.text.Role;
import dev.losslens.text.TokenizedExample;
import dev.losslens.text.Tokenizer;
import dev.losslens.training.BatchOrder;
import dev.losslens.training.LaneModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Pre-trains the bundled base: {@code tiny} on the declarative corpus with the full-sequence objective, seeded and
 * single-threaded, so the same command always writes the same file:
 * {@code java -jar target/losslens.jar pretrain-base [output]}.
 */
public final class BasePretraining {

    static final int STEPS = 3000;
    static final int BATCH = 32;
    static final double LEARNING_RATE = 3e-3;
    static final long SEED = 20261126L;

    private BasePretraining() {
    }

    public static void main(String[] args) throws Exception {
        DjlEngine.configure();
        Path output = Path.of(args.length > 0 ? args[0] : BaseCheckpoint.RESOURCE);
        Tokenizer tokenizer = Tokenizer.bundled();
        List<TokenizedExample> corpus = corpusExamples(new SampleDatasets(new DefaultResourceLoader()).corpusLines(), tokenizer);
        ExecutorService thread = DjlEngine.thread("losslens-pretraining");
        try {
            byte[] checkpoint = CompletableFuture.supplyAsync(() -> pretrain(corpus, tokenizer.vocabSize()), thread).join();
            Files.createDirectories(output.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(output)) {
                out.write(checkpoint);
            }
            System.out.println("wrote " + output + " (" + checkpoint.length + " bytes)");
        } finally {
            thread.shutdown();
        }
    }

    /** A corpus line as one sequence: {@code <|bos|> line <|endoftext|>}, every token a target. */
    static List<TokenizedExample> corpusExamples(List<String> lines, Tokenizer tokenizer) {
        return lines.stream().map(line -> {
            int[] text = tokenizer.encode(line);
            int[] ids = new int[text.length + 2];
            ids[0] = CompactVocabulary.BOS;
            System.arraycopy(text, 0, ids, 1, text.length);
            ids[ids.length - 1] = CompactVocabulary.END_OF_TEXT;
            Role[] roles = new Role[ids.length];
            Arrays.fill(roles, Role.RESPONSE);
            return new TokenizedExample(ids, roles);
        }).toList();
    }

    private static byte[] pretrain(List<TokenizedExample> corpus, int vocabSize) {
        try (NDManager manager = NDManager.newBaseManager()) {
            GptParameters start = GptParameters.initialise(ModelConfig.preset("tiny", vocabSize), SEED, manager);
            try (LaneModel lane = new LaneModel(start, LossObjective.PRETRAINING, LEARNING_RATE, manager)) {
                BatchOrder order = new BatchOrder(corpus, BATCH, SEED);
                double window = 0;
                long started = System.nanoTime();
                for (int step = 1; step <= STEPS; step++) {
                    window += lane.step(order.next());
                    if (step % 250 == 0) {
                        System.out.printf("step %d  corpus loss %.3f  %.1f s%n", step, window / 250,
                                (System.nanoTime() - started) / 1e9);
                        window = 0;
                    }
                }
                return Checkpoints.toBytes(lane.model().weights());
            }
        }
    }
}
