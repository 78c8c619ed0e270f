package dev.losslens.lab;

import dev.losslens.comparison.ComparisonService;
import dev.losslens.comparison.ComparisonView.LaneView;
import dev.losslens.system.api.ApiAnswers;
import dev.losslens.system.files.CsvTable;
import dev.losslens.training.MetricPoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Comparisons")
class ComparisonCsvController {

    private final ComparisonService comparisons;

    ComparisonCsvController(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    @ApiAnswers(problems = {400, 404})
    @Operation(summary = "Every metric point of every lane as CSV, one row per lane and evaluation step; a lane's bug is "
            + "empty for the correct pipeline and in a mystery run")
    @GetMapping("/api/comparisons/{id}/metrics.csv")
    ResponseEntity<String> metrics(@PathVariable long id) {
        CsvTable csv = new CsvTable(List.of("lane", "label", "objective", "prompt_weight", "init", "answer_span",
                "bug", "step", "train_loss", "response_nll", "every_turn_nll", "prompt_nll", "full_nll", "exact_match",
                "stopped", "drift"));
        for (LaneView lane : comparisons.view(id).lanes()) {
            for (MetricPoint p : lane.metrics()) {
                csv.row(lane.index(), lane.label(), lane.objective(), lane.promptWeight(), lane.init(),
                        lane.answerSpan(), lane.bug(), p.step(), p.trainLoss(), p.responseNll(), p.everyTurnNll(),
                        p.promptNll(), p.fullNll(), p.exactMatch(), p.stopped(), p.drift());
            }
        }
        return csv.attachment("losslens-run-%d-metrics.csv".formatted(id));
    }
}
