package dev.losslens.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.comparison.ComparisonConfig;
import dev.losslens.comparison.ComparisonStatus;
import dev.losslens.comparison.ComparisonStore;
import dev.losslens.comparison.OwnerSecret;
import dev.losslens.comparison.TrainedLane;
import dev.losslens.model.BaseCheckpoint;
import dev.losslens.model.ModelPreset;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.system.words.Wording;
import dev.losslens.training.LaneSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The selector lists the newest runs' lanes, grouped by run; every stored lane stays openable by its id, however old. */
@SpringBootTest
@AutoConfigureMockMvc
class TrainedCheckpointsTest {

    @Autowired
    ComparisonStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LanguageModels models;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Wording wording;

    @Test
    void anOldLaneBeyondTheListedOnesStillOpensInTheExplorer() throws IOException {
        byte[] weights = bundledBaseWeights();
        ComparisonConfig config = new ComparisonConfig("capitals", ModelPreset.TINY, 1, 1e-3, 1, 1, 1,
                List.of(new ComparisonConfig.LaneConfig(ObjectiveKind.PRETRAINING, 1, LaneSpec.Init.BASE),
                        new ComparisonConfig.LaneConfig(ObjectiveKind.INSTRUCTION, 0, LaneSpec.Init.BASE)));
        long oldest = 0;
        long newest = 0;
        for (int i = 0; i < 25; i++) {
            long id = store.insert(config, List.of("first", "second"), ComparisonStatus.FINISHED, null, "history",
                    OwnerSecret.generate());
            oldest = oldest == 0 ? id : oldest;
            newest = id;
            jdbc.sql("update lane set status = 'finished', final_weights = ? where comparison_id = ?")
                    .params(weights, id).update();
        }
        String old = TrainedLane.checkpointId(oldest, 0);

        assertThat(models.checkpoints()).extracting(CheckpointInfo::id).doesNotContain(old);
        List<String> groups = models.checkpoints().stream().map(info -> wording.api(info.group())).distinct().toList();
        assertThat(groups).as("the starting points, then the newest runs, each once")
                .hasSize(7).startsWith("Starting points", "Run #" + newest).doesNotHaveDuplicates();
        String newestRun = "Run #" + newest;
        assertThat(models.checkpoints()).filteredOn(info -> wording.api(info.group()).equals(newestRun))
                .extracting(info -> wording.api(info.choice()))
                .containsExactly("Lane 1: Pre-training objective, from base", "Lane 2: Instruction objective, from base");
        assertThat(mvc.get().uri("/explore")).hasStatusOk().bodyText()
                .contains("<optgroup label=\"Starting points\">", "<optgroup label=\"Run #" + newest + "\">",
                        ">Lane 2: Instruction objective, from base</option>")
                .doesNotContain("<optgroup label=\"Run #" + (newest - 6) + "\">");
        assertThat(models.find(old)).map(info -> wording.api(info.label()))
                .hasValue("Run #%d, lane 1: Pre-training objective, from base".formatted(oldest));
        assertThat(mvc.post().uri("/api/breakdown").contentType(MediaType.APPLICATION_JSON)
                .content("{\"prompt\": \"What is the capital of Peru?\", \"response\": \"It is Lima.\", \"checkpoint\": \""
                        + old + "\"}"))
                .hasStatusOk().bodyJson().extractingPath("$.checkpoint").isEqualTo(old);
        assertThat(mvc.get().uri("/explore?checkpoint=" + old)).hasStatusOk();
        assertThat(models.find(TrainedLane.checkpointId(oldest, 3))).isEmpty();
    }

    private static byte[] bundledBaseWeights() throws IOException {
        try (InputStream in = TrainedCheckpointsTest.class.getClassLoader().getResourceAsStream(BaseCheckpoint.RESOURCE)) {
            return in.readAllBytes();
        }
    }
}
