package dev.losslens.comparison;

import static dev.losslens.system.words.Wording.sentence;

import java.util.Optional;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Why a run ended without finishing, as it is stored: a code and, for a failure, what failed ({@code failed
 * OutOfMemoryError}). It is worded where it is read: in English for the API, in the reader's language on the page. A
 * sentence stored before runs stored codes reads as it was stored.
 */
public final class RunMessage {

    public static final String INTERRUPTED = "interrupted";
    public static final String CANCELLED = "cancelled";
    private static final String FAILED = "failed";
    private static final String DATASET_GONE = "dataset-gone";

    private RunMessage() {
    }

    public static String failed(Throwable cause) {
        return FAILED + " " + cause.getClass().getSimpleName();
    }

    /** The run's dataset was deleted before training began. */
    public static String datasetGone(String dataset) {
        return DATASET_GONE + " " + dataset;
    }

    /** The stored message as words to look up in the bundles, if the run has one. */
    public static Optional<MessageSourceResolvable> of(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        String[] code = stored.split(" ", 2);
        return Optional.of(switch (code[0]) {
            case INTERRUPTED, CANCELLED -> sentence("run.message." + code[0]);
            case FAILED -> sentence("run.message.failed", code.length > 1 ? code[1] : "");
            case DATASET_GONE -> sentence("run.message.dataset-gone", code.length > 1 ? code[1] : "");
            default -> new DefaultMessageSourceResolvable(null, null, stored);
        });
    }
}
