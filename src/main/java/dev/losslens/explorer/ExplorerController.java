package dev.losslens.explorer;

import dev.losslens.checkpoint.CheckpointInfo;
import dev.losslens.checkpoint.LanguageModels;
import dev.losslens.dataset.DatasetInfo;
import dev.losslens.dataset.PromptResponsePair;
import dev.losslens.dataset.SampleDatasets;
import dev.losslens.dataset.Split;
import dev.losslens.system.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class ExplorerController {

    private final SampleDatasets datasets;
    private final LanguageModels models;
    private final BreakdownService breakdowns;

    ExplorerController(SampleDatasets datasets, LanguageModels models, BreakdownService breakdowns) {
        this.datasets = datasets;
        this.models = models;
        this.breakdowns = breakdowns;
    }

    @GetMapping("/explore")
    String explore(@RequestParam(required = false) String dataset,
                   @RequestParam(required = false) String split,
                   @RequestParam(required = false) String pair,
                   @RequestParam(required = false) String prompt,
                   @RequestParam(required = false) String response,
                   @RequestParam(required = false) String promptWeight,
                   @RequestParam(required = false) String checkpoint,
                   Model model, HttpServletResponse http) {
        FormErrors errors = new FormErrors();
        DatasetInfo chosen = errors.attempt(() -> dataset == null || dataset.isBlank()
                ? datasets.list().get(0) : datasets.require(dataset, "dataset"));
        if (chosen == null) {
            chosen = datasets.list().get(0);
        }
        Split chosenSplit = errors.attempt(() -> split == null || split.isBlank() ? Split.TRAIN : Split.parse(split));
        List<PromptResponsePair> pairs = datasets.pairs(chosen.name(), chosenSplit == null ? Split.TRAIN : chosenSplit);
        Integer pairIndex = errors.attempt(() -> pairIndex(pair, pairs.size()));
        boolean typed = prompt != null || response != null;
        String shownPrompt = typed ? prompt : pairs.get(pairIndex == null ? 0 : pairIndex).prompt();
        String shownResponse = typed ? response : pairs.get(pairIndex == null ? 0 : pairIndex).response();
        errors.attempt(() -> breakdowns.text("prompt", shownPrompt));
        errors.attempt(() -> breakdowns.text("response", shownResponse));
        Double lambda = errors.attempt(() -> BreakdownService.promptWeight(parseWeight(promptWeight)));
        String checkpointId = errors.attempt(() -> breakdowns.checkpoint(checkpoint));

        ExplorerForm form = new ExplorerForm(chosen.name(), (chosenSplit == null ? Split.TRAIN : chosenSplit).label(),
                typed ? null : pairIndex, shownPrompt, shownResponse,
                lambda == null ? BreakdownService.DEFAULT_PROMPT_WEIGHT : lambda,
                checkpointId == null ? BreakdownService.DEFAULT_CHECKPOINT : checkpointId);
        if (errors.isEmpty()) {
            model.addAttribute("breakdown", errors.attempt(() -> breakdowns.explain(
                    new BreakdownRequest(shownPrompt, shownResponse, form.promptWeight(), form.checkpoint()))));
        }
        http.setStatus(errors.status().value());
        model.addAttribute("form", form);
        model.addAttribute("datasets", datasets.list());
        model.addAttribute("pairs", IntStream.range(0, pairs.size())
                .mapToObj(i -> PairOption.of(i, pairs.get(i).prompt())).toList());
        model.addAttribute("checkpoints", checkpointChoices(form.checkpoint()));
        model.addAttribute("limits", breakdowns.limits());
        model.addAttribute("errors", errors.messages());
        return "explore";
    }

    /** The listed checkpoints, plus the one shown if it is an older lane the list leaves out. */
    private List<CheckpointInfo> checkpointChoices(String shown) {
        List<CheckpointInfo> listed = models.checkpoints();
        if (listed.stream().anyMatch(info -> info.id().equals(shown))) {
            return listed;
        }
        return Stream.concat(listed.stream(), models.find(shown).stream()).toList();
    }

    private static int pairIndex(String pair, int size) {
        if (pair == null || pair.isBlank()) {
            return 0;
        }
        try {
            int index = Integer.parseInt(pair.strip());
            if (index >= 0 && index < size) {
                return index;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the valid range
        }
        throw new InvalidInputException("pair", "pair must be a number from 0 to %d".formatted(size - 1));
    }

    private static Double parseWeight(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("promptWeight", "promptWeight (λ) must be a number from 0 to 1, was '"
                    + value + "'");
        }
    }
}
