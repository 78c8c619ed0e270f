package dev.losslens.lab;

import dev.losslens.comparison.ComparisonService;
import dev.losslens.comparison.ComparisonView.LaneView;
import dev.losslens.comparison.ComparisonView;
import dev.losslens.system.ApiAnswers;
import dev.losslens.system.CsvCell;
import dev.losslens.training.MetricPoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Comparisons")
class ComparisonCsvController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final String HEADER =
            "lane,label,objective,prompt_weight,init,step,train_loss,response_nll,prompt_nll,full_nll,exact_match,drift\n";

    private final ComparisonService comparisons;

    ComparisonCsvController(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    @ApiAnswers(problems = {400, 404})
    @Operation(summary = "Every metric point of every lane as CSV, one row per lane and evaluation step")
    @GetMapping("/api/comparisons/{id}/metrics.csv")
    ResponseEntity<String> metrics(@PathVariable long id) {
        ComparisonView view = comparisons.view(id);
        StringBuilder csv = new StringBuilder(HEADER);
        for (LaneView lane : view.lanes()) {
            String prefix = "%d,%s,%s,%s,%s,".formatted(lane.index(), CsvCell.of(lane.label()), lane.objective(),
                    lane.promptWeight(), lane.init());
            for (MetricPoint p : lane.metrics()) {
                csv.append(prefix).append(p.step()).append(',').append(p.trainLoss() == null ? "" : p.trainLoss())
                        .append(',').append(p.responseNll()).append(',').append(p.promptNll()).append(',')
                        .append(p.fullNll()).append(',').append(p.exactMatch()).append(',').append(p.drift())
                        .append('\n');
            }
        }
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("losslens-run-%d-metrics.csv".formatted(id)).build().toString())
                .body(csv.toString());
    }
}
