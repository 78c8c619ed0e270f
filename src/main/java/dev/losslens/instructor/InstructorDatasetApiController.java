package dev.losslens.instructor;

import dev.losslens.account.AuditTrail;
import dev.losslens.account.SignedIn;
import dev.losslens.dataset.DatasetCatalogue;
import dev.losslens.dataset.DatasetPreview;
import dev.losslens.dataset.DatasetRejectedException;
import dev.losslens.dataset.DatasetUploads;
import dev.losslens.dataset.UploadedDataset;
import dev.losslens.system.api.ApiAnswers;
import dev.losslens.system.rejection.Rejection;
import dev.losslens.system.words.Wording;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping(DatasetUploadSetup.API)
@Tag(name = "Instructor datasets", description = "Upload, check, preview and delete prompt/response datasets "
        + "(instructors and administrators; sign in first). An uploaded dataset is listed by GET /api/datasets, "
        + "shown in the explorer and trained on in the lab, for everyone")
class InstructorDatasetApiController {

    /** A bad line: its file ({@code train} or {@code heldout}), its number (0 for the file as a whole) and why. */
    record BadLine(@Schema(example = "train") String file, @Schema(example = "12") int line,
                   @Schema(example = "not valid JSON (at character 17)") String message) {
    }

    private final DatasetUploads uploads;
    private final DatasetCatalogue catalogue;
    private final AuditTrail audit;
    private final Wording wording;

    InstructorDatasetApiController(DatasetUploads uploads, DatasetCatalogue catalogue, AuditTrail audit, Wording wording) {
        this.uploads = uploads;
        this.catalogue = catalogue;
        this.audit = audit;
        this.wording = wording;
    }

    /** The upload's multipart fields, for the API document: the controller reads them one by one. */
    @Schema(name = "DatasetUpload", description = "A multipart/form-data upload")
    record UploadFields(
            @Schema(description = "The dataset's title, 1 to 60 characters, without / or \\", example = "Course FAQ")
            String title,
            @Schema(description = "Its id in URLs and runs: 2 to 40 lower-case letters, digits and single dashes; made "
                    + "from the title when left out. Never given to another dataset, even after this one is deleted",
                    example = "course-faq") String slug,
            @Schema(description = "One line on what it teaches, at most 200 characters") String description,
            @Schema(description = "Where the held-out pairs come from: file (the heldout file) or split (of the "
                    + "training file); file when one is sent, else split", allowableValues = {"file", "split"})
            String heldoutFrom,
            @Schema(description = "Share of the training file a split holds out, 0.01 to 0.5", defaultValue = "0.1")
            String heldoutShare,
            @Schema(description = "The split's seed, 0 to 2^48: one seed and share always split a file the same way",
                    defaultValue = "7") String seed,
            @Schema(description = "JSONL training pairs: one {\"prompt\": ..., \"response\": ...} object per line, "
                    + "UTF-8, at most 2 MB and 5000 lines by default", type = "string", format = "binary",
                    requiredMode = Schema.RequiredMode.REQUIRED) String train,
            @Schema(description = "JSONL held-out pairs, the same format and limits", type = "string",
                    format = "binary") String heldout) {
    }

    @GetMapping
    @ApiAnswers(problems = {401, 403})
    @Operation(operationId = "listUploadedDatasets", summary = "The uploaded datasets, oldest first, with who uploaded "
            + "each")
    List<UploadedDataset> list() {
        return catalogue.uploadedFresh();
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ApiAnswers(success = 201, problems = {400, 401, 403, 409, 413})
    @Operation(operationId = "uploadDataset", summary = "Upload a dataset: a JSONL file of pairs to train on, and "
            + "either a held-out file or a seeded split of the training file. Every line is checked, and nothing is "
            + "stored if anything is wrong: a 400 lists each bad line (the first 100, then how many more) under "
            + "'lines'. Answers the stored dataset's preview",
            requestBody = @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = UploadFields.class))))
    ResponseEntity<DatasetPreview> upload(@Parameter(hidden = true) @ModelAttribute UploadForm form,
                                          @Parameter(hidden = true) @RequestParam(required = false) MultipartFile train,
                                          @Parameter(hidden = true) @RequestParam(required = false) MultipartFile heldout) {
        UploadedDataset stored = uploads.store(form.upload(train, heldout), SignedIn.current().orElseThrow().name());
        audit.record("upload-dataset", stored.name());
        return ResponseEntity.created(URI.create(DatasetUploadSetup.API + "/" + stored.name()))
                .body(uploads.preview(stored.name()));
    }

    @PostMapping(path = "/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ApiAnswers(problems = {400, 401, 403, 409, 413})
    @Operation(operationId = "checkDataset", summary = "Check an upload without storing it: the same fields and files "
            + "as an upload, the same refusals, and on success the preview the upload would store",
            requestBody = @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = UploadFields.class))))
    DatasetPreview check(@Parameter(hidden = true) @ModelAttribute UploadForm form,
                         @Parameter(hidden = true) @RequestParam(required = false) MultipartFile train,
                         @Parameter(hidden = true) @RequestParam(required = false) MultipartFile heldout) {
        return uploads.check(form.upload(train, heldout));
    }

    @GetMapping("/{name}")
    @ApiAnswers(problems = {401, 403, 404})
    @Operation(operationId = "previewUploadedDataset", summary = "An uploaded dataset's preview: its split sizes, "
            + "its tokens with the template and how many are single bytes, and the first pairs of each split")
    DatasetPreview preview(@Parameter(description = "The dataset's id") @PathVariable String name) {
        return uploads.preview(name);
    }

    @DeleteMapping("/{name}")
    @ApiAnswers(success = 204, problems = {401, 403, 404})
    @Operation(operationId = "deleteUploadedDataset", summary = "Delete an uploaded dataset (its uploader or an "
            + "administrator). Its id stays taken; runs that trained on it keep their measurements, and runs still "
            + "waiting for it fail saying so")
    ResponseEntity<Void> delete(@Parameter(description = "The dataset's id") @PathVariable String name) {
        SignedIn me = SignedIn.current().orElseThrow();
        UploadedDataset deleted = uploads.delete(name, me.name(), me.administrator());
        audit.record("delete-dataset", deleted.name());
        return ResponseEntity.noContent().build();
    }

    /** A refused upload: the fields at fault under {@code errors}, and every bad line listed under {@code lines}. */
    @ExceptionHandler(DatasetRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(DatasetRejectedException refused) {
        List<Rejection> rejections = refused.rejections();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(refused.status(), wording.api(rejections.get(0)));
        problem.setProperty("field", refused.field());
        Map<String, String> errors = new LinkedHashMap<>();
        rejections.forEach(rejection -> errors.put(rejection.field(), wording.api(rejection)));
        problem.setProperty("errors", errors);
        problem.setProperty("lines", refused.lines().stream()
                .map(line -> new BadLine(line.file().label(), line.line(), wording.api(line.reason()))).toList());
        problem.setProperty("moreLines", refused.moreLines());
        return ResponseEntity.status(refused.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
