package dev.losslens.system.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the web layer ({@code losslens.web.*}).
 *
 * @param maxBodyBytes largest request body accepted; the largest legal request (a breakdown with full-length texts
 *                     written as JSON escapes) is about 6 KB
 * @param publicUrl where learners reach this app: share links are built from it, never from a request's Host
 */
@ConfigurationProperties("losslens.web")
public record WebProperties(@DefaultValue("65536") int maxBodyBytes,
                            @DefaultValue("http://localhost:8080") String publicUrl) {

    /** An absolute link to a path of this app. */
    public String link(String path) {
        return publicUrl.replaceAll("/+$", "") + path;
    }
}
