package dev.losslens.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.conversation.AnswerSpan;
import dev.losslens.conversation.ChatTemplates;
import dev.losslens.conversation.TemplateRenderer;
import dev.losslens.conversation.TokenizedConversation;
import dev.losslens.dataset.SampleDatasets;
import dev.losslens.dataset.Split;
import dev.losslens.model.DjlTestThread;
import dev.losslens.model.GptParameters;
import dev.losslens.model.ModelConfig;
import dev.losslens.model.ModelPreset;
import dev.losslens.objective.LabelShift;
import dev.losslens.objective.LossObjective;
import dev.losslens.text.Role;
import dev.losslens.text.TokenizedExample;
import dev.losslens.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** Lanes on a conversation dataset: the same tokens and batches, each lane's answer span picking its targets. */
class ConversationLanesTest {

    private static final DjlTestThread DJL = new DjlTestThread("test-conversation-lanes");
    private static final Tokenizer TOKENIZER = Tokenizer.bundled();
    private static final SampleDatasets DATASETS = new SampleDatasets(new DefaultResourceLoader());
    private static final TemplateRenderer RENDERER = new TemplateRenderer(TOKENIZER);
    private static final ModelConfig TINY = ModelPreset.TINY.config(TOKENIZER.vocabSize());

    @AfterAll
    static void stop() {
        DJL.close();
    }

    private static List<TokenizedConversation> rendered(Split split) {
        return DATASETS.conversations("conversations", split).stream()
                .map(c -> RENDERER.render(ChatTemplates.bundled().get("chatml"), c, ModelConfig.CONTEXT)).toList();
    }

    @Test
    void eachLaneWeighsExactlyTheTargetsItsSpanMarksOnTheSameIds() {
        TrainingSplit split = TrainingSplit.ofConversations(rendered(Split.TRAIN));
        int[] picked = {0, 1, 2, 3};
        int[] ids = split.batch(AnswerSpan.EVERY_TURN, picked).ids();
        int[] counted = new int[AnswerSpan.values().length];
        for (AnswerSpan span : AnswerSpan.values()) {
            TrainingBatch batch = split.batch(span, picked);
            assertThat(batch.ids()).as("lanes read the same tokens").isEqualTo(ids);
            float[] weights = batch.targetWeights(LossObjective.INSTRUCTION);
            for (int b = 0; b < batch.size(); b++) {
                TokenizedExample example = batch.examples().get(b);
                double[] expected = new double[example.length()];
                for (int t = 1; t < expected.length; t++) {
                    expected[t] = example.role(t) == Role.RESPONSE ? 1 : 0;
                }
                float[] row = new float[batch.size() * (batch.length() - 1)];
                LabelShift.intoPredictions(expected, row, b * (batch.length() - 1));
                for (int t = 0; t < batch.length() - 1; t++) {
                    assertThat(weights[b * (batch.length() - 1) + t]).as("%s row %d target %d", span, b, t)
                            .isEqualTo(row[b * (batch.length() - 1) + t]);
                }
            }
            for (float w : weights) {
                counted[span.ordinal()] += (int) w;
            }
        }
        assertThat(counted[AnswerSpan.LAST_TURN.ordinal()]).as("last turn counts fewer targets than every turn")
                .isPositive().isLessThan(counted[AnswerSpan.EVERY_TURN.ordinal()]);
        assertThat(counted[AnswerSpan.EVERY_TURN_WITHOUT_END.ordinal()]).as("one end-of-turn less per assistant turn")
                .isEqualTo(counted[AnswerSpan.EVERY_TURN.ordinal()] - 2 * picked.length);
    }

    @Test
    void aConversationComparisonTrainsForRealAndItsLanesDiffer() {
        List<LaneSpec> lanes = List.of(
                new LaneSpec(LossObjective.INSTRUCTION, AnswerSpan.EVERY_TURN, LaneSpec.Init.SCRATCH),
                new LaneSpec(LossObjective.INSTRUCTION, AnswerSpan.LAST_TURN, LaneSpec.Init.SCRATCH),
                new LaneSpec(LossObjective.PRETRAINING, AnswerSpan.EVERY_TURN, LaneSpec.Init.SCRATCH));
        Recording recording = new Recording(lanes.size(), step -> false);

        List<LaneResult> results = DJL.run(manager -> {
            List<GptParameters> start = new ArrayList<>();
            lanes.forEach(lane -> start.add(GptParameters.initialise(TINY, 5, manager)));
            Evaluator evaluator = Evaluator.ofConversations(rendered(Split.HELDOUT).subList(0, 12), 3, TOKENIZER);
            TrainingPlan plan = new TrainingPlan(lanes, start, TrainingSplit.ofConversations(rendered(Split.TRAIN)),
                    evaluator, 10, 8, 5, 5, 1e-3);
            return LockstepTraining.run(plan, recording, manager);
        });

        assertThat(results).allSatisfy(result -> assertThat(result.status()).isEqualTo(LaneStatus.FINISHED));
        for (int lane = 0; lane < lanes.size(); lane++) {
            assertThat(recording.points.get(lane)).extracting(MetricPoint::step).containsExactly(0, 5, 10);
            assertThat(recording.points.get(lane)).allSatisfy(p -> {
                assertThat(p.responseNll()).isFinite().isPositive();
                assertThat(p.everyTurnNll()).isFinite().isPositive();
                assertThat(p.promptNll()).isFinite().isPositive();
                assertThat(p.exactMatch()).isBetween(0.0, 1.0);
            });
        }
        MetricPoint start = recording.points.get(0).get(0);
        assertThat(start.everyTurnNll()).as("every turn and the last turn are different targets")
                .isNotEqualTo(start.responseNll());
        List<Double> trainLosses = IntStream.range(0, lanes.size())
                .mapToObj(lane -> recording.points.get(lane).get(2).trainLoss()).toList();
        assertThat(trainLosses).as("lanes count different targets, so their training losses differ")
                .doesNotHaveDuplicates();
        assertThat(recording.points.get(1).get(2).responseNll()).as("last-turn lane learns its held-out answers")
                .isLessThan(recording.points.get(1).get(0).responseNll());
    }
}
