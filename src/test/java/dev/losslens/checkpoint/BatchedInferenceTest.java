package dev.losslens.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslens.model.BaseCheckpoint;
import dev.losslens.model.TokenScores;
import dev.losslens.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * Explorer requests that arrive together share forward passes on the inference thread, and each still gets the
 * scores it would get alone, with as many candidates as it asked for.
 */
@SpringBootTest
// MockMvc unused here: with it, this class shares the suite's cached default context instead of starting its own
@AutoConfigureMockMvc
class BatchedInferenceTest {

    private static final List<String> TEXTS = List.of("What is the capital of Peru? It is Lima.",
            "Reverse the word: nose eson", "What is 29 + 47? 76", "mice", "Which word comes first: pear, apple?",
            "Why are prompt tokens not targets? The model conditions on them.");

    @Autowired
    LanguageModels models;

    @Autowired
    Tokenizer tokenizer;

    @Test
    void requestsScoredTogetherGetWhatEachGetsAlone() throws Exception {
        List<int[]> sequences = TEXTS.stream().map(tokenizer::encode).toList();
        List<TokenScores> alone = new ArrayList<>();
        for (int[] ids : sequences) {
            alone.add(models.score(BaseCheckpoint.ID, ids, 5).get());
        }
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<TokenScores>> together = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int[] ids = sequences.get(i % sequences.size());
            int topK = i % 2 == 0 ? 5 : 1;
            together.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return models.score(BaseCheckpoint.ID, ids, topK).get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        for (int i = 0; i < together.size(); i++) {
            TokenScores scores = together.get(i).get();
            TokenScores expected = alone.get(i % sequences.size());
            assertThat(scores.nll()).containsExactly(expected.nll(), within(1e-5));
            int asked = i % 2 == 0 ? 5 : 1;
            assertThat(scores.top()).hasSameSizeAs(expected.top());
            for (int t = 1; t < scores.top().size(); t++) {
                assertThat(scores.top().get(t)).hasSize(asked);
                assertThat(scores.top().get(t).get(0).id()).isEqualTo(expected.top().get(t).get(0).id());
            }
        }
    }
}
