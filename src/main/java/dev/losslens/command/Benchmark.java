package dev.losslens.command;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.losslens.model.DjlEngine;
import dev.losslens.model.GptParameters;
import dev.losslens.model.ModelConfig;
import dev.losslens.objective.LossObjective;
import dev.losslens.text.Role;
import dev.losslens.text.TokenizedExample;
import dev.losslens.training.BatchOrder;
import dev.losslens.training.LaneModel;
import dev.losslens.training.TrainingBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * {@code java -jar target/losslens.jar bench --layers 2 --d-model 64 --heads 4 --context 64 --batch 16 --vocab 512
 * --steps 100}: trains on random tokens without the web server and prints one JSON line. Model FLOP/s counts
 * 6 × parameters × tokens per second; libtorch's own 1024×1024 matmul on the same thread is the ceiling.
 */
public final class Benchmark {

    private static final int WARMUP_STEPS = 5;
    private static final int MATMUL_SIZE = 1024;
    private static final int MATMUL_REPEATS = 20;

    private Benchmark() {
    }

    public static void main(String[] args) {
        Map<String, Integer> options = options(args);
        ModelConfig config = new ModelConfig("bench", options.get("layers"), options.get("d-model"),
                options.get("heads"), options.get("context"), options.get("vocab"));
        ExecutorService thread = DjlEngine.thread("losslens-bench");
        try {
            System.out.println(CompletableFuture.supplyAsync(
                    () -> measure(config, options.get("batch"), options.get("steps")), thread).join());
        } finally {
            thread.shutdown();
        }
    }

    private static String measure(ModelConfig config, int batchSize, int steps) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(1);
            List<TokenizedExample> examples = new ArrayList<>();
            for (int i = 0; i < batchSize * 4; i++) {
                Role[] roles = new Role[config.context()];
                Arrays.fill(roles, Role.RESPONSE);
                examples.add(new TokenizedExample(random.ints(config.context(), 0, config.vocabSize()).toArray(), roles));
            }
            BatchOrder order = new BatchOrder(examples, batchSize, 1);
            try (LaneModel lane = new LaneModel(GptParameters.initialise(config, 1, manager), LossObjective.PRETRAINING,
                    1e-3, manager)) {
                double firstLoss = lane.step(order.next());
                for (int i = 1; i < WARMUP_STEPS; i++) {
                    lane.step(order.next());
                }
                long started = System.nanoTime();
                long tokens = 0;
                for (int i = 0; i < steps; i++) {
                    TrainingBatch batch = order.next();
                    lane.step(batch);
                    tokens += batch.tokenCount();
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                double tokensPerSecond = tokens / seconds;
                double modelFlops = 6.0 * config.parameterCount() * tokensPerSecond;
                double matmulFlops = matmulFlopsPerSecond(manager);
                return String.format(Locale.ROOT, "{\"params\": %d, \"first_loss\": %.4f, \"ln_vocab\": %.4f, "
                                + "\"steps_per_s\": %.2f, \"tokens_per_s\": %.0f, \"model_gflops_per_s\": %.2f, "
                                + "\"matmul_1024_gflops_per_s\": %.2f, \"share_of_matmul\": %.3f}",
                        config.parameterCount(), firstLoss, Math.log(config.vocabSize()), steps / seconds,
                        tokensPerSecond, modelFlops / 1e9, matmulFlops / 1e9, modelFlops / matmulFlops);
            }
        }
    }

    /** 2·n³ floating-point operations per n×n product, best of a few repeats. */
    private static double matmulFlopsPerSecond(NDManager manager) {
        try (NDScope ignored = new NDScope()) {
            Shape shape = new Shape(MATMUL_SIZE, MATMUL_SIZE);
            NDArray a = manager.randomNormal(shape);
            NDArray b = manager.randomNormal(shape);
            a.matMul(b).getFloat(0, 0);
            double best = Double.MAX_VALUE;
            for (int i = 0; i < MATMUL_REPEATS; i++) {
                long started = System.nanoTime();
                a.matMul(b).getFloat(0, 0);
                best = Math.min(best, (System.nanoTime() - started) / 1e9);
            }
            return 2.0 * Math.pow(MATMUL_SIZE, 3) / best;
        }
    }

    private static Map<String, Integer> options(String[] args) {
        Map<String, Integer> options = new HashMap<>(Map.of("layers", 2, "d-model", 64, "heads", 4, "context", 64,
                "batch", 16, "vocab", 512, "steps", 100));
        for (int i = 0; i + 1 < args.length; i += 2) {
            String name = args[i].replaceFirst("^--", "");
            if (!options.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(name, Integer.parseInt(args[i + 1]));
        }
        return options;
    }
}
