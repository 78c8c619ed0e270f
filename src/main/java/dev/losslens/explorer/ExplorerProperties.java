package dev.losslens.explorer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of the explorer's inputs ({@code losslens.explorer.*}). Token length is bounded by the model's context.
 *
 * @param promptChars longest prompt accepted, in characters
 * @param responseChars longest response accepted, in characters
 * @param topK next-token candidates shown per token
 * @param timeoutMillis longest a breakdown may wait for the inference thread
 */
@ConfigurationProperties("losslens.explorer")
record ExplorerProperties(
        @DefaultValue("600") int promptChars,
        @DefaultValue("400") int responseChars,
        @DefaultValue("5") int topK,
        @DefaultValue("10000") long timeoutMillis) {
}
