package dev.losslens.command;

import ai.djl.ndarray.NDManager;
import dev.losslens.dataset.SampleDatasets;
import dev.losslens.model.BaseCheckpoint;
import dev.losslens.model.Checkpoints;
import dev.losslens.model.DjlEngine;
import dev.losslens.model.GptParameters;
import dev.losslens.model.ModelPreset;
import dev.losslens.model.TinyGpt;
import dev.losslens.objective.LossObjective;
import dev.losslens.text.CompactVocabulary;
import dev.losslens.text.Role;
import dev.losslens.text.TokenizedExample;
import dev.losslens.text.Tokenizer;
import dev.losslens.training.BatchOrder;
import dev.losslens.training.LaneModel;
import dev.losslens.training.TrainingBatch;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Pre-trains the bundled base: {@code tiny} on the corpus documents with the full-sequence objective, seeded and
 * single-threaded, so the same command always writes the same file:
 * {@code java -jar target/losslens.jar pretrain-base [output]}. Every tenth document is held out of training. After
 * {@value #STEPS} steps the base recalls its facts but is sure of itself on text it has not seen; the one
 * temperature that minimises the held-out documents' loss is folded into its output head (see
 * {@link TemperatureScaling}), so its probabilities are honest about what it does not know.
 */
public final class BasePretraining {

    static final int STEPS = 750;
    static final int BATCH = 32;
    static final double LEARNING_RATE = 3e-3;
    static final long SEED = 20261126L;
    static final int HELD_OUT_EVERY = 10;
    static final int REPORT_EVERY = 250;

    private BasePretraining() {
    }

    public static void main(String[] args) throws Exception {
        DjlEngine.configure();
        Path output = Path.of(args.length > 0 ? args[0] : BaseCheckpoint.RESOURCE);
        Tokenizer tokenizer = Tokenizer.bundled();
        List<TokenizedExample> documents = corpusExamples(
                new SampleDatasets(new DefaultResourceLoader()).corpusDocuments(), tokenizer);
        List<TokenizedExample> train = new ArrayList<>();
        List<TokenizedExample> heldOut = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            (i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1 ? heldOut : train).add(documents.get(i));
        }
        ExecutorService thread = DjlEngine.thread("losslens-pretraining");
        try {
            byte[] checkpoint = CompletableFuture.supplyAsync(
                    () -> pretrain(train, heldOut, tokenizer.vocabSize()), thread).join();
            Files.createDirectories(output.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(output)) {
                out.write(checkpoint);
            }
            System.out.println("wrote " + output + " (" + checkpoint.length + " bytes)");
        } finally {
            thread.shutdown();
        }
    }

    /** A corpus document as one sequence: {@code <|bos|> document <|endoftext|>}, every token a target. */
    static List<TokenizedExample> corpusExamples(List<String> documents, Tokenizer tokenizer) {
        return documents.stream().map(document -> {
            int[] text = tokenizer.encode(document);
            int[] ids = new int[text.length + 2];
            ids[0] = CompactVocabulary.BOS;
            System.arraycopy(text, 0, ids, 1, text.length);
            ids[ids.length - 1] = CompactVocabulary.END_OF_TEXT;
            Role[] roles = new Role[ids.length];
            Arrays.fill(roles, Role.RESPONSE);
            return new TokenizedExample(ids, roles);
        }).toList();
    }

    private static byte[] pretrain(List<TokenizedExample> train, List<TokenizedExample> heldOut, int vocabSize) {
        try (NDManager manager = NDManager.newBaseManager()) {
            GptParameters start = GptParameters.initialise(ModelPreset.TINY.config(vocabSize), SEED, manager);
            try (LaneModel lane = new LaneModel(start, LossObjective.PRETRAINING, LEARNING_RATE, manager)) {
                BatchOrder order = new BatchOrder(train.size(), BATCH, SEED);
                double window = 0;
                long started = System.nanoTime();
                for (int step = 1; step <= STEPS; step++) {
                    window += lane.step(TrainingBatch.of(train, order.next()));
                    if (step % REPORT_EVERY == 0) {
                        try (GptParameters weights = lane.weights(manager)) {
                            System.out.printf("step %d  corpus loss %.3f  held-out %.3f  %.1f s%n", step,
                                    window / REPORT_EVERY, TemperatureScaling.heldOutLoss(new TinyGpt(weights), heldOut),
                                    (System.nanoTime() - started) / 1e9);
                        }
                        window = 0;
                    }
                }
                try (GptParameters weights = lane.weights(manager)) {
                    TemperatureScaling.Fit fit = TemperatureScaling.fit(weights, heldOut);
                    System.out.printf("held-out corpus loss %.3f; at T = %.3f, %.3f%n",
                            TemperatureScaling.heldOutLoss(new TinyGpt(weights), heldOut), fit.temperature(), fit.loss());
                    try (GptParameters scaled = TemperatureScaling.scaled(weights, fit.temperature(), manager)) {
                        return Checkpoints.toBytes(scaled);
                    }
                }
            }
        }
    }
}
