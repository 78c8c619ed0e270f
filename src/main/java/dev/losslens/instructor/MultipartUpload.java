package dev.losslens.instructor;

import dev.losslens.dataset.UploadFile;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.web.multipart.MultipartFile;

/** A file of a multipart form: chosen when its part names a file, even an empty one. */
record MultipartUpload(MultipartFile file) implements UploadFile {

    static MultipartUpload of(MultipartFile file) {
        return file == null ? null : new MultipartUpload(file);
    }

    @Override
    public boolean present() {
        return file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank() || !file.isEmpty();
    }

    @Override
    public InputStream open() throws IOException {
        return file.getInputStream();
    }
}
