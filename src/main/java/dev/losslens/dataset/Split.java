package dev.losslens.dataset;

import dev.losslens.system.rejection.InvalidInputException;
import java.util.Locale;

/** The two fixed splits of every dataset: pairs trained on, and pairs kept back for evaluation. */
public enum Split {
    TRAIN("train"),
    HELDOUT("heldout");

    private final String label;

    Split(String label) {
        this.label = label;
    }

    /** The lower-case name used in file names, URLs and JSON. */
    public String label() {
        return label;
    }

    /** Accepts "train" or "heldout" in any case, with surrounding blanks, and "held-out" / "held_out". */
    public static Split parse(String text) {
        String normalised = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (Split split : values()) {
            if (split.label.equals(normalised)) {
                return split;
            }
        }
        throw new InvalidInputException("split", "dataset.split");
    }
}
