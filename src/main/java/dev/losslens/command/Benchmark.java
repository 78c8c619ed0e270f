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
import dev.losslens.training.LanePipeline;
import dev.losslens.training.ModelBatch;
import dev.losslens.training.StackedLanes;
import dev.losslens.training.TrainingBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * {@code java -jar target/losslens.jar bench --layers 2 --d-model 64 --heads 4 --context 64 --batch 16 --vocab 512
 * --steps 100 --lanes 8}: trains on random tokens without the web server and prints one JSON line: the stack of
 * {@code lanes} lanes (tokens and FLOP/s summed over its lanes) and, in the same run, one lane alone. Model FLOP/s
 * counts 6 × parameters of one lane × tokens per second; libtorch's own 1024×1024 matmul on the same thread is the
 * ceiling.
 */
public final class Benchmark {

    private static final Map<String, Integer> DEFAULTS = Map.of("layers", 2, "d-model", 64, "heads", 4, "context", 64,
            "batch", 16, "vocab", 512, "steps", 100, "lanes", 1);
    private static final String USAGE = "java -jar losslens.jar bench [--layers N] [--d-model N] [--heads N] "
            + "[--context N] [--batch N] [--vocab N] [--steps N] [--lanes N]";
    private static final int WARMUP_STEPS = 5;
    private static final int MATMUL_SIZE = 1024;
    private static final int MATMUL_REPEATS = 20;

    private Benchmark() {
    }

    public static void main(String[] args) {
        Map<String, Integer> options = options(args);
        ModelConfig config;
        try {
            config = new ModelConfig("bench", options.get("layers"), options.get("d-model"), options.get("heads"),
                    options.get("context"), options.get("vocab"));
        } catch (IllegalArgumentException shape) {
            throw new UsageException(shape.getMessage(), USAGE);
        }
        ExecutorService thread = DjlEngine.thread("losslens-bench");
        try {
            System.out.println(CompletableFuture.supplyAsync(
                    () -> measure(config, options.get("batch"), options.get("steps"), options.get("lanes")), thread).join());
        } finally {
            thread.shutdown();
        }
    }

    private static String measure(ModelConfig config, int batchSize, int steps, int lanes) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(1);
            List<TokenizedExample> examples = new ArrayList<>();
            for (int i = 0; i < batchSize * 4; i++) {
                Role[] roles = new Role[config.context()];
                Arrays.fill(roles, Role.RESPONSE);
                examples.add(new TokenizedExample(random.ints(config.context(), 0, config.vocabSize()).toArray(), roles));
            }
            Throughput one = train(config, examples, batchSize, steps, 1, manager);
            Throughput stacked = train(config, examples, batchSize, steps, lanes, manager);
            double matmulFlops = matmulFlopsPerSecond(manager);
            double oneFlops = 6.0 * config.parameterCount() * one.tokensPerSecond();
            double stackedFlops = 6.0 * config.parameterCount() * stacked.tokensPerSecond();
            return String.format(Locale.ROOT, "{\"params\": %d, \"first_loss\": %.4f, \"ln_vocab\": %.4f, "
                            + "\"steps_per_s\": %.2f, \"tokens_per_s\": %.0f, \"model_gflops_per_s\": %.2f, "
                            + "\"matmul_1024_gflops_per_s\": %.2f, \"share_of_matmul\": %.3f, \"lanes\": %d, "
                            + "\"one_lane_steps_per_s\": %.2f, \"one_lane_tokens_per_s\": %.0f, "
                            + "\"one_lane_model_gflops_per_s\": %.2f, \"one_lane_share_of_matmul\": %.3f, "
                            + "\"lanes_speedup\": %.2f}",
                    config.parameterCount(), stacked.firstLoss(), Math.log(config.vocabSize()), stacked.stepsPerSecond(),
                    stacked.tokensPerSecond(), stackedFlops / 1e9, matmulFlops / 1e9, stackedFlops / matmulFlops, lanes,
                    one.stepsPerSecond(), one.tokensPerSecond(), oneFlops / 1e9, oneFlops / matmulFlops,
                    stacked.tokensPerSecond() / one.tokensPerSecond());
        }
    }

    /** Steps per second of the stack, and tokens per second summed over its lanes. */
    private record Throughput(double firstLoss, double stepsPerSecond, double tokensPerSecond) {
    }

    /** Trains {@code lanes} lanes of different seeds in one stack, each on its own order of the examples. */
    private static Throughput train(ModelConfig config, List<TokenizedExample> examples, int batchSize, int steps,
                                    int lanes, NDManager manager) {
        try (StackedLanes stack = new StackedLanes(config, manager)) {
            List<BatchOrder> orders = new ArrayList<>();
            for (int lane = 0; lane < lanes; lane++) {
                try (GptParameters start = GptParameters.initialise(config, lane + 1, manager)) {
                    stack.add(List.of(start), 1e-3);
                }
                orders.add(new BatchOrder(examples.size(), batchSize, lane + 1));
            }
            double firstLoss = stack.step(next(orders, examples, config.context()))[0];
            for (int i = 1; i < WARMUP_STEPS; i++) {
                stack.step(next(orders, examples, config.context()));
            }
            long started = System.nanoTime();
            long tokens = 0;
            for (int i = 0; i < steps; i++) {
                List<ModelBatch> batches = next(orders, examples, config.context());
                stack.step(batches);
                tokens += batches.stream().mapToLong(ModelBatch::tokenCount).sum();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Throughput(firstLoss, steps / seconds, tokens / seconds);
        }
    }

    private static List<ModelBatch> next(List<BatchOrder> orders, List<TokenizedExample> examples, int context) {
        LanePipeline pipeline = new LanePipeline(LossObjective.PRETRAINING, null, context);
        return orders.stream().map(order -> pipeline.build(TrainingBatch.of(examples, order.next()))).toList();
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

    /** Every option is a positive whole number; those not given keep their defaults. */
    static Map<String, Integer> options(String[] args) {
        CommandOptions reader = new CommandOptions("bench", USAGE);
        Map<String, Integer> options = new LinkedHashMap<>(DEFAULTS);
        for (Map.Entry<String, String> option : reader.pairs(args, DEFAULTS.keySet())) {
            options.put(option.getKey(), reader.positive(option.getKey(), option.getValue()));
        }
        return options;
    }
}
