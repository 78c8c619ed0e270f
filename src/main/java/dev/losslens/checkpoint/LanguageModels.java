package dev.losslens.checkpoint;

import ai.djl.ndarray.NDManager;
import dev.losslens.model.DjlEngine;
import dev.losslens.model.GptParameters;
import dev.losslens.model.Scoring;
import dev.losslens.model.TinyGpt;
import dev.losslens.model.TokenScores;
import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.springframework.stereotype.Service;

/**
 * Reads sequences with any listed checkpoint. All DJL work runs on one inference thread with grad mode off, on
 * loaded copies that no training step ever touches; request threads only submit work and wait.
 */
@Service
public class LanguageModels {

    private static final int CACHED_MODELS = 8;

    private final List<CheckpointSource> sources;
    private final ExecutorService inference = DjlEngine.thread("losslens-inference");
    private final NDManager manager;
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

    public LanguageModels(List<CheckpointSource> sources) {
        this.sources = sources;
        this.manager = CompletableFuture.supplyAsync(NDManager::newBaseManager, inference).join();
    }

    public List<CheckpointInfo> checkpoints() {
        return sources.stream().flatMap(source -> source.checkpoints().stream()).toList();
    }

    public Optional<CheckpointInfo> find(String id) {
        return sources.stream().map(source -> source.find(id)).flatMap(Optional::stream).findFirst();
    }

    /** Per-token NLL and top-k candidates of {@code ids} under checkpoint {@code id}, computed on the inference thread. */
    public CompletableFuture<TokenScores> score(String id, int[] ids, int topK) {
        return CompletableFuture.supplyAsync(() -> Scoring.score(model(id), ids, topK), inference);
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
