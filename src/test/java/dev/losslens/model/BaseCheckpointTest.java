package dev.losslens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.losslens.dataset.SampleDatasets;
import dev.losslens.text.CompactVocabulary;
import dev.losslens.text.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** The shipped pre-trained base loads as the tiny model over the bundled vocabulary and has learned the corpus. */
class BaseCheckpointTest {

    private static final String RESOURCE = "sample-datasets/checkpoints/base-tiny.ckpt";
    private static final DjlTestThread DJL = new DjlTestThread("test-base-checkpoint");
    private static final Tokenizer TOKENIZER = Tokenizer.bundled();

    @AfterAll
    static void stop() {
        DJL.close();
    }

    private static GptParameters base(NDManager manager) {
        try (InputStream in = BaseCheckpointTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
            return Checkpoints.read(in, manager);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every 4th corpus line as {@code <|bos|> line <|endoftext|>}: a few hundred lines from every corpus file. */
    private static List<int[]> corpusSample() {
        List<String> lines = new SampleDatasets(new DefaultResourceLoader()).corpusDocuments();
        return IntStream.range(0, lines.size()).filter(i -> i % 4 == 0).mapToObj(i -> {
            int[] text = TOKENIZER.encode(lines.get(i));
            int[] ids = new int[text.length + 2];
            ids[0] = CompactVocabulary.BOS;
            System.arraycopy(text, 0, ids, 1, text.length);
            ids[ids.length - 1] = CompactVocabulary.END_OF_TEXT;
            return ids;
        }).toList();
    }

    /** Mean −log p over every predicted token of every sequence. */
    private static double meanNll(TinyGpt model, List<int[]> sequences) {
        double sum = 0;
        long count = 0;
        for (int[] ids : sequences) {
            double[] nll = Scoring.score(model, ids, 1).nll();
            sum += Arrays.stream(nll, 1, nll.length).sum();
            count += nll.length - 1;
        }
        return sum / count;
    }

    @Test
    void loadsAsTheTinyModelOverTheBundledVocabulary() {
        ModelConfig config = DJL.run(manager -> {
            try (GptParameters weights = base(manager)) {
                assertThat(weights.byName()).allSatisfy((name, array) ->
                        assertThat(array.getShape()).as(name).isEqualTo(GptParameters.shapes(weights.config()).get(name)));
                return weights.config();
            }
        });
        assertThat(config).isEqualTo(ModelPreset.TINY.config(TOKENIZER.vocabSize()));
        assertThat(config.layers()).isEqualTo(2);
        assertThat(config.dModel()).isEqualTo(64);
        assertThat(config.heads()).isEqualTo(4);
        assertThat(config.context()).isEqualTo(ModelConfig.CONTEXT);
    }

    @Test
    void beatsRandomInitialisationOnCorpusLoss() {
        List<int[]> sample = corpusSample();
        assertThat(sample).hasSizeBetween(200, 600);
        double[] nll = DJL.run(manager -> {
            try (GptParameters trained = base(manager);
                 GptParameters untrained = GptParameters.initialise(trained.config(), 1, manager)) {
                return new double[] {meanNll(new TinyGpt(trained), sample), meanNll(new TinyGpt(untrained), sample)};
            }
        });
        double base = nll[0];
        double random = nll[1];
        assertThat(random).as("untrained ≈ ln V").isCloseTo(Math.log(TOKENIZER.vocabSize()), within(0.5));
        assertThat(base).as("base corpus NLL vs random init (%.3f)", random).isLessThan(random / 2);
    }
}
