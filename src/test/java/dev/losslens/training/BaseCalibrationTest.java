package dev.losslens.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.dataset.DatasetInfo;
import dev.losslens.dataset.PromptResponsePair;
import dev.losslens.dataset.SampleDatasets;
import dev.losslens.dataset.Split;
import dev.losslens.model.BaseCheckpoint;
import dev.losslens.model.DjlTestThread;
import dev.losslens.model.GptParameters;
import dev.losslens.model.ModelPreset;
import dev.losslens.model.StackedGpt;
import dev.losslens.model.TinyGpt;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.Tokenizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * What the shipped base brings to fine-tuning, read on every task's held-out pairs through the instruction template
 * it never saw: better than a uniform guess everywhere, so the first screen shows pre-training helping.
 */
class BaseCalibrationTest {

    private static final DjlTestThread DJL = new DjlTestThread("test-base-calibration");
    private static final Tokenizer TOKENIZER = Tokenizer.bundled();
    private static final InstructionTemplate TEMPLATE = new InstructionTemplate(TOKENIZER);
    private static final SampleDatasets DATASETS = new SampleDatasets(new DefaultResourceLoader());
    private static final double LN_V = Math.log(TOKENIZER.vocabSize());

    @AfterAll
    static void stop() {
        DJL.close();
    }

    /** Per task: {full-sequence NLL, response NLL, predicted tokens} under the base and under the untrained model. */
    private static Map<String, double[][]> measure() {
        return DJL.run(manager -> {
            TinyGpt base = new TinyGpt(BaseCheckpoint.load(manager));
            TinyGpt untrained = new TinyGpt(GptParameters.initialise(
                    ModelPreset.TINY.config(TOKENIZER.vocabSize()), 0, manager));
            Map<String, double[][]> byTask = new LinkedHashMap<>();
            for (DatasetInfo task : DATASETS.list().stream().filter(info -> !info.isConversation()).toList()) {
                List<PromptResponsePair> pairs = DATASETS.pairs(task.name(), Split.HELDOUT);
                Evaluator evaluator = new Evaluator(pairs, 0, TEMPLATE, TOKENIZER);
                double tokens = pairs.stream().mapToInt(p -> TEMPLATE.render(p.prompt(), p.response()).length() - 1).sum();
                List<HeldOutMetrics> both = evaluator.measure(
                        StackedGpt.of(List.of(base.weights(), untrained.weights())), new ArrayList<>());
                HeldOutMetrics b = both.get(0);
                HeldOutMetrics u = both.get(1);
                byTask.put(task.name(), new double[][] {{b.fullNll(), b.responseNll(), tokens},
                        {u.fullNll(), u.responseNll(), tokens}});
            }
            return byTask;
        });
    }

    @Test
    void theBaseBeatsAUniformGuessOnEveryHeldOutTask() {
        Map<String, double[][]> byTask = measure();
        double sum = 0;
        double tokens = 0;
        StringBuilder table = new StringBuilder("task: base full / response NLL, untrained full / response (ln V = %.3f)%n"
                .formatted(LN_V));
        for (var task : byTask.entrySet()) {
            double[] base = task.getValue()[0];
            double[] untrained = task.getValue()[1];
            table.append("%s: %.3f / %.3f, %.3f / %.3f%n".formatted(task.getKey(), base[0], base[1], untrained[0],
                    untrained[1]));
            sum += base[0] * base[2];
            tokens += base[2];
        }
        double overall = sum / tokens;
        System.out.printf("%soverall base full-sequence NLL %.3f = %.3f × ln V%n", table, overall, overall / LN_V);

        assertThat(overall).as("mean over every held-out pair, whole templated sequence\n%s", table)
                .isLessThan(0.8 * LN_V);
        byTask.forEach((task, both) -> assertThat(both[0][0]).as("%s full-sequence NLL under the base", task)
                .isLessThan(LN_V));
        double[][] capitals = byTask.get("capitals");
        assertThat(capitals[0][1]).as("capitals held-out response NLL, base vs untrained").isLessThan(capitals[1][1]);
    }
}
