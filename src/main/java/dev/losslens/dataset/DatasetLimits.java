package dev.losslens.dataset;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds of an uploaded dataset ({@code losslens.datasets.*}); the upload page shows them beside its controls.
 *
 * @param maxFileSize largest JSONL file, training or held-out; a bigger upload is refused with 413 before it is read
 * @param maxLines most lines per file (blank lines count)
 * @param promptChars longest prompt, in characters (the explorer's bound)
 * @param responseChars longest response, in characters
 * @param pairTokens most tokens of a pair with its template; at most the model's context, which the model cannot see past
 * @param maxHeldoutPairs most held-out pairs: every evaluation reads them all, so they bound its cost
 * @param problemsListed bad lines listed one by one; the rest are counted
 * @param previewPairs pairs the preview shows
 * @param listFor how long a replica reuses its read of the uploaded datasets before asking the database again
 */
@ConfigurationProperties("losslens.datasets")
public record DatasetLimits(
        @DefaultValue("2MB") DataSize maxFileSize,
        @DefaultValue("5000") int maxLines,
        @DefaultValue("600") int promptChars,
        @DefaultValue("400") int responseChars,
        @DefaultValue("128") int pairTokens,
        @DefaultValue("500") int maxHeldoutPairs,
        @DefaultValue("100") int problemsListed,
        @DefaultValue("10") int previewPairs,
        @DefaultValue("2s") Duration listFor) {

    /** Width of the pair columns of {@code uploaded_pair}. */
    static final int STORED_CHARS = 4000;

    public DatasetLimits {
        if (promptChars < 1 || responseChars < 1 || promptChars > STORED_CHARS || responseChars > STORED_CHARS) {
            throw new IllegalArgumentException("losslens.datasets.prompt-chars and response-chars must be from 1 to "
                    + STORED_CHARS + " (the width of the stored columns)");
        }
        if (maxLines < 1 || pairTokens < 3 || maxHeldoutPairs < 1 || problemsListed < 1 || previewPairs < 1
                || maxFileSize.toBytes() < 1) {
            throw new IllegalArgumentException("losslens.datasets.* bounds must be positive (pair-tokens at least 3)");
        }
    }

    /**
     * The longest line that can hold a pair within the character bounds: every character written as a six-byte
     * {@code \\uXXXX} escape, plus the field names, quotes and some spacing. A longer line is refused without being
     * kept in memory.
     */
    public int maxLineBytes() {
        return 6 * (promptChars + responseChars) + 1024;
    }

    /** The largest upload request: both files and the form's few short fields. */
    public long maxRequestBytes() {
        return 2 * maxFileSize.toBytes() + 64 * 1024;
    }

    /** The file size as people read it: {@code 2 MB}, {@code 512 KB} or a number of bytes. */
    public String fileSizeText() {
        long bytes = maxFileSize.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
