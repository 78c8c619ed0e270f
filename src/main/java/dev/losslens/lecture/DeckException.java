package dev.losslens.lecture;

/** A deck file that cannot be used, said so that its author can fix it: file, step, line, what is wrong. */
class DeckException extends IllegalStateException {

    DeckException(String file, String step, Integer line, String what) {
        super("sample-datasets/lectures/%s%s%s: %s".formatted(file, step == null ? "" : ", step " + step,
                line == null ? "" : " (line " + line + ")", what));
    }
}
