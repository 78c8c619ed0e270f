package dev.losslens.instructor;

import dev.losslens.account.AuditTrail;
import dev.losslens.account.SignedIn;
import dev.losslens.dataset.DatasetCatalogue;
import dev.losslens.dataset.DatasetLimits;
import dev.losslens.dataset.DatasetPreview;
import dev.losslens.dataset.DatasetRejectedException;
import dev.losslens.dataset.DatasetUploads;
import dev.losslens.dataset.HeldOutSplit;
import dev.losslens.dataset.LineProblem;
import dev.losslens.dataset.UploadedDataset;
import dev.losslens.system.rejection.NotFoundException;
import dev.losslens.system.rejection.RejectedRequestException;
import dev.losslens.system.words.Wording;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Instructors' datasets page: the uploaded datasets, the upload form with its limits beside the controls, a check
 * that previews an upload without storing it, a stored dataset's preview, and deleting (the uploader's own, or any for
 * an administrator).
 */
@Controller
class DatasetsController {

    /** A bad line as the page lists it: where (file and line) and what is wrong. */
    record ProblemRow(String where, String message) {
    }

    /** A dataset in the page's list, and whether the reader may delete it. */
    record Row(UploadedDataset dataset, boolean deletable) {
    }

    private final DatasetUploads uploads;
    private final DatasetCatalogue catalogue;
    private final DatasetLimits limits;
    private final AuditTrail audit;
    private final Wording wording;

    DatasetsController(DatasetUploads uploads, DatasetCatalogue catalogue, DatasetLimits limits, AuditTrail audit,
                       Wording wording) {
        this.uploads = uploads;
        this.catalogue = catalogue;
        this.limits = limits;
        this.audit = audit;
        this.wording = wording;
    }

    @GetMapping(DatasetUploadSetup.PAGE)
    String page(Model model) {
        return page(UploadForm.empty(), model);
    }

    /** Uploads, or with {@code action=check} only reads and previews; a refused upload comes back with every fault. */
    @PostMapping(DatasetUploadSetup.PAGE)
    String upload(@ModelAttribute UploadForm form, @RequestParam(required = false) MultipartFile train,
                  @RequestParam(required = false) MultipartFile heldout,
                  @RequestParam(required = false) String action, Model model, HttpServletResponse http) {
        try {
            if ("check".equals(action)) {
                DatasetPreview preview = uploads.check(form.upload(train, heldout));
                model.addAttribute("preview", preview);
                model.addAttribute("checked", true);
                return page(form, model);
            }
            UploadedDataset stored = uploads.store(form.upload(train, heldout), SignedIn.current().orElseThrow().name());
            audit.record("upload-dataset", stored.name());
            return "redirect:" + DatasetUploadSetup.PAGE + "/" + stored.name() + "?uploaded";
        } catch (RejectedRequestException refused) {
            http.setStatus(refused.status().value());
            Map<String, String> errors = new LinkedHashMap<>();
            refused.rejections().forEach(rejection -> errors.putIfAbsent(rejection.field(), wording.page(rejection)));
            model.addAttribute("errors", errors);
            if (refused instanceof DatasetRejectedException lines) {
                model.addAttribute("problems", lines.lines().stream().map(this::row).toList());
                model.addAttribute("moreProblems", lines.moreLines());
            }
            return page(form, model);
        }
    }

    @GetMapping(DatasetUploadSetup.PAGE + "/{name}")
    String dataset(@PathVariable String name, Model model) {
        DatasetPreview preview = uploads.preview(name);
        UploadedDataset dataset = catalogue.uploaded(name)
                .orElseThrow(() -> new NotFoundException("name", "dataset.unknown-uploaded", name));
        model.addAttribute("preview", preview);
        model.addAttribute("dataset", dataset);
        model.addAttribute("deletable", deletable(dataset));
        model.addAttribute("limits", limits);
        return "instructor/dataset";
    }

    /** Deletes after the confirmation the page asks for; runs that trained on it keep their measurements. */
    @PostMapping(DatasetUploadSetup.PAGE + "/{name}/delete")
    String delete(@PathVariable String name) {
        SignedIn me = SignedIn.current().orElseThrow();
        UploadedDataset deleted = uploads.delete(name, me.name(), me.administrator());
        audit.record("delete-dataset", deleted.name());
        return "redirect:" + DatasetUploadSetup.PAGE + "?deleted=" + deleted.name();
    }

    private String page(UploadForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("datasets", catalogue.uploadedFresh().stream()
                .map(dataset -> new Row(dataset, deletable(dataset))).toList());
        model.addAttribute("limits", limits);
        model.addAttribute("maxTitle", DatasetUploads.MAX_TITLE);
        model.addAttribute("maxSlug", DatasetUploads.MAX_SLUG);
        model.addAttribute("minSlug", DatasetUploads.MIN_SLUG);
        model.addAttribute("maxDescription", DatasetUploads.MAX_DESCRIPTION);
        model.addAttribute("shareRange", List.of(HeldOutSplit.MIN_SHARE,
                HeldOutSplit.MAX_SHARE));
        model.addAttribute("maxSeed", HeldOutSplit.MAX_SEED);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "instructor/datasets";
    }

    private static boolean deletable(UploadedDataset dataset) {
        SignedIn me = SignedIn.current().orElseThrow();
        return me.administrator() || me.name().equals(dataset.owner());
    }

    private ProblemRow row(LineProblem problem) {
        String file = wording.page("field." + problem.file().label());
        return new ProblemRow(problem.wholeFile() ? file : wording.page("page.datasets.problem.line", file,
                problem.line()), wording.page(problem.reason()));
    }
}
