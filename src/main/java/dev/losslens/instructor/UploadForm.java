package dev.losslens.instructor;

import dev.losslens.dataset.DatasetUpload;
import dev.losslens.dataset.HeldOutSplit;
import dev.losslens.notation.PlainNumber;
import org.springframework.web.multipart.MultipartFile;

/** The upload form as typed, so a refused upload comes back as the instructor left it (files must be chosen again). */
record UploadForm(String title, String slug, String description, String heldoutFrom, String heldoutShare, String seed) {

    static UploadForm empty() {
        return new UploadForm("", "", "", "split", PlainNumber.of(HeldOutSplit.DEFAULT_SHARE),
                PlainNumber.of(HeldOutSplit.DEFAULT_SEED));
    }

    DatasetUpload upload(MultipartFile train, MultipartFile heldout) {
        return new DatasetUpload(title, slug, description, heldoutFrom, heldoutShare, seed, MultipartUpload.of(train),
                MultipartUpload.of(heldout));
    }
}
