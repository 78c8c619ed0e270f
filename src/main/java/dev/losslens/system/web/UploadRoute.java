package dev.losslens.system.web;

/**
 * A route that takes a multipart upload bigger than {@code losslens.web.max-body-bytes}. Its body is bounded by
 * {@code maxBytes} instead, answered with 413 at once when it declares more, and its parts are parsed (to disk past a
 * small threshold, under the multipart limits) before anything reads them, so an upload that grows past its bound
 * midway is refused with 413 too, never read whole into memory. Every other body on it keeps the usual cap.
 *
 * @param tooLarge the refusal's detail: what the limits are
 */
public record UploadRoute(String method, String path, long maxBytes, String tooLarge) {

    boolean matches(String method, String path) {
        return this.method.equalsIgnoreCase(method) && this.path.equals(path);
    }
}
