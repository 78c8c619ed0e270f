package dev.losslens.lab;

import dev.losslens.comparison.ComparisonRequest;
import dev.losslens.comparison.ComparisonService;
import dev.losslens.comparison.ComparisonView;
import dev.losslens.comparison.LaneLabel;
import dev.losslens.comparison.RunChecks;
import dev.losslens.comparison.RunFindings;
import dev.losslens.comparison.Submission;
import dev.losslens.comparison.TrainingProperties;
import dev.losslens.conversation.AnswerSpan;
import dev.losslens.dataset.DatasetCatalogue;
import dev.losslens.notation.Keyed;
import dev.losslens.notation.PlainNumber;
import dev.losslens.system.rejection.FormErrors;
import dev.losslens.system.rejection.NotFoundException;
import dev.losslens.system.rejection.Rejection;
import dev.losslens.system.web.WebProperties;
import dev.losslens.system.words.Wording;
import dev.losslens.text.Tokenizer;
import dev.losslens.training.PipelineBug;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LabController {

    private static final int HISTORY = 50;

    private final ComparisonService comparisons;
    private final DatasetCatalogue datasets;
    private final TrainingProperties bounds;
    private final WebProperties web;
    private final Tokenizer tokenizer;
    private final Wording wording;

    LabController(ComparisonService comparisons, DatasetCatalogue datasets, TrainingProperties bounds,
                  WebProperties web, Tokenizer tokenizer, Wording wording) {
        this.comparisons = comparisons;
        this.datasets = datasets;
        this.bounds = bounds;
        this.web = web;
        this.tokenizer = tokenizer;
        this.wording = wording;
    }

    /** The form, filled in from a preset; {@code dataset} picks another dataset (an uploaded one's page links here). */
    @GetMapping("/runs/new")
    String form(@RequestParam(required = false) String preset, @RequestParam(required = false) String dataset,
                Model model, HttpServletResponse http) {
        Optional<LabPreset> chosen = Optional.ofNullable(preset).flatMap(key -> Keyed.parse(LabPreset.class, key));
        LabForm preferred = LabForm.of(chosen.orElse(LabPreset.OBJECTIVE_FROM_BASE).request());
        LabForm form = datasets.find(dataset).map(found -> preferred.withDataset(found.name())).orElse(preferred);
        if (preset != null && chosen.isEmpty()) {
            http.setStatus(HttpStatus.NOT_FOUND.value());
            return form(form, Map.of("presets", wording.page(new Rejection("presets", "preset.unknown-in-form", List.of(preset)))),
                    model);
        }
        return form(form, Map.of(), model);
    }

    /**
     * Starts a preset ({@code preset}) or the filled-in form; a rejected form comes back with the message inline. The
     * lab page posts to its own address, so a rejected form stays on {@code /runs/new}.
     */
    @PostMapping({"/runs", "/runs/new"})
    String submit(@RequestParam Map<String, String> fields, HttpServletRequest request, HttpServletResponse http,
                  Model model) {
        String preset = fields.get("preset");
        Optional<LabPreset> chosen = Optional.ofNullable(preset).flatMap(key -> Keyed.parse(LabPreset.class, key));
        LabForm form = chosen.map(p -> LabForm.of(p.request())).orElseGet(() -> LabForm.from(fields));
        FormErrors errors = new FormErrors();
        ComparisonRequest asked = chosen.map(LabPreset::request).orElseGet(() -> form.toRequest(errors));
        if (!errors.isEmpty()) {
            // a number did not parse: check the rest too, so every mistake shows at once
            errors.attempt(() -> comparisons.validate(asked));
        } else {
            Submission submission = errors.attempt(() -> {
                if (preset != null && chosen.isEmpty()) {
                    throw new NotFoundException("presets", "preset.unknown-in-form", preset);
                }
                return comparisons.submit(asked, request.getRemoteAddr(), OwnerCookie.readOrIssue(request, http));
            });
            if (submission != null) {
                return "redirect:/runs/" + submission.comparison().id()
                        + (submission.kind() == Submission.Kind.JOINED ? "?joined" : "");
            }
        }
        http.setStatus(errors.status().value());
        Map<String, String> shown = new LinkedHashMap<>();
        errors.rejections().forEach(rejection -> shown.putIfAbsent(form.controlId(rejection.field()),
                form.message(rejection, wording)));
        return form(form, shown, model);
    }

    @GetMapping("/runs/{number}")
    String show(@PathVariable String number, @RequestParam(required = false) String joined, Model model,
                HttpServletRequest request, HttpServletResponse http) {
        long id = runId(number);
        ComparisonView run = named(comparisons.view(id));
        // every viewer is a person for the stream caps, not one more stream of their address
        OwnerCookie.readOrIssue(request, http);
        model.addAttribute("run", run);
        model.addAttribute("message", run.reason() == null ? null : wording.page(run.reason()));
        model.addAttribute("findings", RunFindings.of(run.status(), run.lanes(), run.generations()).stream()
                .map(wording::page).toList());
        model.addAttribute("dataset", datasets.find(run.config().dataset()).orElse(null));
        // an uploaded dataset may have been deleted since: the run keeps its measurements and says so
        model.addAttribute("datasetGone", datasets.find(run.config().dataset()).isEmpty());
        // exact match is measured on the first held-out prompts only; the page says how many the run answered
        List<GenerationRow> answers = GenerationRow.of(run);
        model.addAttribute("answered", answers.isEmpty() ? bounds.answeredPrompts() : answers.size());
        model.addAttribute("generations", answers);
        model.addAttribute("lnV", Math.log(tokenizer.vocabSize()));
        model.addAttribute("statusText", RunStatusText.of(run, wording));
        model.addAttribute("learningRate", PlainNumber.of(run.config().learningRate()));
        model.addAttribute("joined", joined != null);
        model.addAttribute("canCancel", comparisons.ownedBy(id, OwnerCookie.read(request)));
        model.addAttribute("shareUrl", web.link("/runs/" + id));
        model.addAttribute("batchStart", BatchStart.of(run));
        model.addAttribute("shareLabels", ShareScale.labels());
        model.addAttribute("shareEdges", ShareScale.edges());
        // an open run whose learner planted a bug may name it; a mystery's bugs are never known here
        model.addAttribute("checks", run.lanes().stream().anyMatch(lane -> lane.bug() != null)
                ? named(comparisons.checks(id), run) : null);
        return "runs/show";
    }

    /** The run with its lanes named in the reader's language; it stores their English names. */
    private ComparisonView named(ComparisonView run) {
        return run.withLaneLabels(lane -> wording.page(LaneLabel.of(lane, run.lanes())));
    }

    /** The checks with each lane named as the page names it. */
    private static RunChecks named(RunChecks checks, ComparisonView run) {
        return new RunChecks(checks.comparison(), checks.checks(), checks.lanes().stream()
                .map(lane -> lane.withLabel(run.lanes().get(lane.lane()).label())).toList());
    }

    /** Cancel without JavaScript; the run page cancels through the API and stays on the page. */
    @PostMapping("/runs/{number}/cancel")
    String cancel(@PathVariable String number, HttpServletRequest request) {
        long id = runId(number);
        comparisons.cancel(id, OwnerCookie.read(request));
        return "redirect:/runs/" + id;
    }

    @GetMapping("/runs")
    String history(Model model) {
        model.addAttribute("runs", comparisons.history(HISTORY).stream()
                .map(row -> RunSummary.of(row, wording::page)).toList());
        return "runs/list";
    }

    private String form(LabForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("datasets", datasets.list());
        model.addAttribute("answerSpans", AnswerSpan.values());
        model.addAttribute("bugs", PipelineBug.values());
        model.addAttribute("bounds", bounds);
        model.addAttribute("minLanes", TrainingProperties.MIN_LANES);
        model.addAttribute("maxLanes", TrainingProperties.MAX_LANES);
        model.addAttribute("presets", LabPreset.values());
        return "runs/new";
    }

    /** {@code /runs/abc} names no run: the same answer as a run number that doesn't exist. */
    private static long runId(String number) {
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw new NotFoundException("id", "comparison.not-a-run", number);
        }
    }
}
