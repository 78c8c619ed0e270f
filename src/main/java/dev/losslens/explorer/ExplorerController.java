package dev.losslens.explorer;

import dev.losslens.checkpoint.CheckpointInfo;
import dev.losslens.checkpoint.LanguageModels;
import dev.losslens.dataset.DatasetCatalogue;
import dev.losslens.dataset.DatasetInfo;
import dev.losslens.dataset.PromptResponsePair;
import dev.losslens.dataset.Split;
import dev.losslens.system.rejection.FormErrors;
import dev.losslens.system.rejection.FormNumbers;
import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.Rejection;
import dev.losslens.system.words.Wording;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class ExplorerController {

    private final DatasetCatalogue datasets;
    private final LanguageModels models;
    private final BreakdownService breakdowns;
    private final Wording wording;

    ExplorerController(DatasetCatalogue datasets, LanguageModels models, BreakdownService breakdowns, Wording wording) {
        this.datasets = datasets;
        this.models = models;
        this.breakdowns = breakdowns;
        this.wording = wording;
    }

    @GetMapping("/explore")
    String explore(@RequestParam(required = false) String dataset,
                   @RequestParam(required = false) String split,
                   @RequestParam(required = false) String pair,
                   @RequestParam(required = false) String prompt,
                   @RequestParam(required = false) String response,
                   @RequestParam(required = false) String promptWeight,
                   @RequestParam(required = false) String checkpoint,
                   @RequestParam(required = false) String compare,
                   Model model, HttpServletResponse http) {
        FormErrors errors = new FormErrors();
        DatasetInfo chosen = errors.attempt(() -> dataset == null || dataset.isBlank()
                ? datasets.list().get(0) : datasets.requirePairs(dataset, "dataset"));
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
        Double lambda = errors.attempt(() -> BreakdownService.promptWeight(FormNumbers.decimal("promptWeight", promptWeight)));
        String checkpointId = errors.attempt(() -> breakdowns.checkpoint(checkpoint));
        String compareId = compare == null || compare.isBlank() ? null
                : errors.attempt(() -> breakdowns.checkpoint("compare", compare));

        ExplorerForm form = new ExplorerForm(chosen.name(), (chosenSplit == null ? Split.TRAIN : chosenSplit).label(),
                typed ? null : pairIndex, shownPrompt, shownResponse,
                lambda == null ? BreakdownService.DEFAULT_PROMPT_WEIGHT : lambda,
                checkpointId == null ? BreakdownService.DEFAULT_CHECKPOINT : checkpointId, compareId);
        if (errors.isEmpty()) {
            Breakdown shown = errors.attempt(() -> breakdowns.explain(
                    new BreakdownRequest(shownPrompt, shownResponse, form.promptWeight(), form.checkpoint())));
            model.addAttribute("breakdown", shown);
            if (shown != null && compareId != null && !compareId.equals(form.checkpoint())) {
                Breakdown reference = errors.attempt(() -> breakdowns.explain(
                        new BreakdownRequest(shownPrompt, shownResponse, form.promptWeight(), compareId)));
                if (reference != null) {
                    model.addAttribute("change", CheckpointChange.of(label(compareId), reference,
                            label(form.checkpoint()), shown));
                }
            }
        }
        http.setStatus(errors.status().value());
        model.addAttribute("form", form);
        model.addAttribute("datasets", datasets.pairDatasets());
        model.addAttribute("pairs", IntStream.range(0, pairs.size())
                .mapToObj(i -> PairOption.of(i, pairs.get(i).prompt())).toList());
        model.addAttribute("checkpointGroups", checkpointChoices(form.checkpoint(), form.compare()).stream()
                .map(info -> CheckpointOption.of(info, wording))
                .collect(Collectors.groupingBy(CheckpointOption::group, LinkedHashMap::new, Collectors.toList())));
        model.addAttribute("checkpointShown", models.find(form.checkpoint())
                .map(info -> CheckpointOption.of(info, wording)).orElse(null));
        model.addAttribute("limits", breakdowns.limits());
        model.addAttribute("errors", wording.page(errors));
        return "explore";
    }

    private String label(String checkpointId) {
        return models.find(checkpointId).map(checkpoint -> wording.page(checkpoint.label())).orElse(checkpointId);
    }

    /** The listed checkpoints, plus those shown if they are older lanes the list leaves out. */
    private List<CheckpointInfo> checkpointChoices(String... shown) {
        List<CheckpointInfo> listed = models.checkpoints();
        return Stream.concat(listed.stream(), Arrays.stream(shown)
                .filter(id -> id != null && listed.stream().noneMatch(info -> info.id().equals(id)))
                .distinct().flatMap(id -> models.find(id).stream())).toList();
    }

    /** A pair's number; anything else, a number or not, is answered with the numbers there are. */
    private static int pairIndex(String pair, int size) {
        if (pair == null || pair.isBlank()) {
            return 0;
        }
        Integer index = new FormErrors().attempt(() -> FormNumbers.integer("pair", pair));
        if (index == null || index < 0 || index >= size) {
            throw new InvalidInputException("pair", "number-range", new Rejection.Field("pair"), 0, size - 1);
        }
        return index;
    }
}
