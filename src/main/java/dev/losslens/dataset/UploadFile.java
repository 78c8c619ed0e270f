package dev.losslens.dataset;

import java.io.IOException;
import java.io.InputStream;

/** One uploaded file as it arrived: read once, as a stream. */
public interface UploadFile {

    /** Whether a file was chosen: a form sends an empty part, with no file name, for a file control left empty. */
    boolean present();

    InputStream open() throws IOException;
}
