package dev.losslens.dataset;

import dev.losslens.system.api.ApiAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/datasets")
@Tag(name = "Datasets", description = "The prompt/response datasets: bundled ones and those instructors uploaded")
class DatasetApiController {

    /** A pair with its position in the split, which is how pages and runs refer to it. */
    record IndexedPair(int index, String prompt, String response) {
    }

    private final DatasetCatalogue datasets;

    DatasetApiController(DatasetCatalogue datasets) {
        this.datasets = datasets;
    }

    @GetMapping
    @Operation(operationId = "listDatasets", summary = "List the datasets, with their train and held-out sizes: the "
            + "bundled ones first (the default first), then those instructors uploaded, oldest first")
    List<DatasetInfo> list() {
        return datasets.list();
    }

    @GetMapping("/{name}/pairs")
    @ApiAnswers(problems = {400, 404})
    @Operation(summary = "The prompt/response pairs of one split of a pair dataset, numbered from 0 (a conversation "
            + "dataset is refused with 400)")
    List<IndexedPair> pairs(
            @Parameter(description = "Dataset name, e.g. capitals, or an uploaded dataset's id") @PathVariable String name,
            @Parameter(description = "Which split",
                    schema = @Schema(allowableValues = {"train", "heldout"}, defaultValue = "train"))
            @RequestParam(defaultValue = "train") String split) {
        DatasetInfo dataset = datasets.requirePairs(name, "name");
        List<PromptResponsePair> pairs = datasets.pairs(dataset.name(), Split.parse(split));
        return IntStream.range(0, pairs.size())
                .mapToObj(i -> new IndexedPair(i, pairs.get(i).prompt(), pairs.get(i).response()))
                .toList();
    }
}
