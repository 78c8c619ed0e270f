package dev.losslens.checkpoint;

import ai.djl.ndarray.NDManager;
import dev.losslens.model.DjlEngine;
import dev.losslens.model.GptParameters;
import dev.losslens.model.Scoring;
import dev.losslens.model.TinyGpt;
import dev.losslens.model.TokenScores;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import org.springframework.stereotype.Service;

/**
 * Reads sequences with any listed checkpoint. All DJL work runs on one inference thread with grad mode off, on
 * loaded copies that no training step ever touches; request threads only submit work and wait.
 */
@Service
public class LanguageModels {

    private static final int CACHED_MODELS = 8;
    /** Most sequences in one forward pass: (32, 128, V) log-probabilities stay near 30 MB at the bundled vocabulary. */
    private static final int MAX_BATCH = 32;
    /** A pass's longest sequence is at most this many times its shortest. */
    private static final double MAX_PADDING = 1.5;

    private final List<CheckpointSource> sources;
    private final ExecutorService inference = DjlEngine.thread("losslens-inference");
    private final NDManager manager;
    private final Queue<Request> waiting = new ConcurrentLinkedQueue<>();
    private final Timer latency;
    private final DistributionSummary batchSizes;
    private final Map<String, TinyGpt> loaded = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TinyGpt> eldest) {
            if (size() > CACHED_MODELS) {
                eldest.getValue().weights().close();
                return true;
            }
            return false;
        }
    };

    public LanguageModels(List<CheckpointSource> sources, MeterRegistry meters) {
        this.sources = sources;
        this.latency = Timer.builder("losslens.inference.latency")
                .description("From an explorer request's arrival to its scores, queueing included")
                .publishPercentileHistogram().register(meters);
        this.batchSizes = DistributionSummary.builder("losslens.inference.batch.size")
                .description("Sequences in one forward pass of the explorer's model").register(meters);
        this.manager = CompletableFuture.supplyAsync(NDManager::newBaseManager, inference).join();
    }

    public List<CheckpointInfo> checkpoints() {
        return sources.stream().flatMap(source -> source.checkpoints().stream()).toList();
    }

    public Optional<CheckpointInfo> find(String id) {
        return sources.stream().map(source -> source.find(id)).flatMap(Optional::stream).findFirst();
    }

    /**
     * Per-token NLL and top-k candidates of {@code ids} under checkpoint {@code id}, computed on the inference thread.
     * Requests that wait together are scored together: while one forward pass runs, those that arrive queue up, and
     * the next pass takes all of them for the same checkpoint at once (no timer, so a lone request never waits).
     */
    public CompletableFuture<TokenScores> score(String id, int[] ids, int topK) {
        Request request = new Request(id, ids, topK, new CompletableFuture<>());
        Timer.Sample arrived = Timer.start();
        waiting.add(request);
        inference.execute(this::scoreWaiting);
        return request.scores().whenComplete((scores, failure) -> arrived.stop(latency));
    }

    /** On the inference thread: scores every waiting request, one forward pass per checkpoint. */
    private void scoreWaiting() {
        List<Request> batch = new ArrayList<>();
        while (batch.size() < MAX_BATCH) {
            Request next = waiting.poll();
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        Map<String, List<Request>> byCheckpoint = new LinkedHashMap<>();
        batch.forEach(request -> byCheckpoint.computeIfAbsent(request.checkpoint(), key -> new ArrayList<>())
                .add(request));
        byCheckpoint.forEach((checkpoint, requests) -> similarLengths(requests).forEach(group -> {
            try {
                int topK = group.stream().mapToInt(Request::topK).max().orElseThrow();
                batchSizes.record(group.size());
                List<TokenScores> scores = Scoring.scoreAll(model(checkpoint),
                        group.stream().map(Request::ids).toList(), topK);
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).scores().complete(scores.get(i).limitedTo(group.get(i).topK()));
                }
            } catch (RuntimeException failed) {
                group.forEach(request -> request.scores().completeExceptionally(failed));
            }
        }));
    }

    /**
     * Requests in passes of similar length, shortest first: a pass is as long as its longest sequence, so a short
     * one padded to a long one would cost what the long one costs.
     */
    private static List<List<Request>> similarLengths(List<Request> requests) {
        List<Request> sorted = requests.stream().sorted(Comparator.comparingInt(request -> request.ids().length))
                .toList();
        List<List<Request>> groups = new ArrayList<>();
        for (Request request : sorted) {
            List<Request> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last == null || request.ids().length > MAX_PADDING * last.get(0).ids().length) {
                groups.add(new ArrayList<>(List.of(request)));
            } else {
                last.add(request);
            }
        }
        return groups;
    }

    private record Request(String checkpoint, int[] ids, int topK, CompletableFuture<TokenScores> scores) {
    }

    private TinyGpt model(String id) {
        TinyGpt model = loaded.get(id);
        if (model == null) {
            GptParameters weights = sources.stream()
                    .map(source -> source.open(id, manager))
                    .flatMap(Optional::stream)
                    .findFirst()
                    .orElseThrow(() -> new UnknownCheckpointException(id));
            model = new TinyGpt(weights);
            loaded.put(id, model);
        }
        return model;
    }

    @PreDestroy
    void shutdown() {
        inference.execute(manager::close);
        inference.shutdown();
    }
}
