package dev.losslens.dataset;

import dev.losslens.system.rejection.Rejection;

/**
 * What is wrong with one line of an uploaded file, or with the file as a whole ({@code line} 0). The reason is a
 * rejection of the file's field ({@code train} or {@code heldout}), worded where it is shown.
 */
public record LineProblem(Split file, int line, Rejection reason) {

    public boolean wholeFile() {
        return line == 0;
    }
}
