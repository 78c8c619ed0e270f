package dev.losslens.instructor;

import dev.losslens.dataset.DatasetLimits;
import dev.losslens.model.ModelConfig;
import dev.losslens.system.web.UploadRoute;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The upload routes of instructors' datasets and the multipart limits, both from {@code losslens.datasets.*}: each file
 * at most {@code max-file-size}, the whole request at most both files and its short fields. Parts past 64 KB wait on
 * disk, not in memory, until they are read line by line.
 */
@Configuration(proxyBeanMethods = false)
class DatasetUploadSetup {

    static final String PAGE = "/instructor/datasets";
    static final String API = "/api/instructor/datasets";
    static final String API_CHECK = API + "/check";
    private static final int IN_MEMORY_BYTES = 64 * 1024;

    DatasetUploadSetup(DatasetLimits limits) {
        if (limits.pairTokens() > ModelConfig.CONTEXT) {
            throw new IllegalStateException("losslens.datasets.pair-tokens is " + limits.pairTokens()
                    + "; the model reads at most its context of " + ModelConfig.CONTEXT + " tokens");
        }
    }

    @Bean
    MultipartConfigElement multipartConfigElement(DatasetLimits limits) {
        return new MultipartConfigElement("", limits.maxFileSize().toBytes(), limits.maxRequestBytes(), IN_MEMORY_BYTES);
    }

    @Bean
    UploadRoute datasetPageUpload(DatasetLimits limits) {
        return route(PAGE, limits);
    }

    @Bean
    UploadRoute datasetApiUpload(DatasetLimits limits) {
        return route(API, limits);
    }

    @Bean
    UploadRoute datasetApiCheck(DatasetLimits limits) {
        return route(API_CHECK, limits);
    }

    private static UploadRoute route(String path, DatasetLimits limits) {
        return new UploadRoute("POST", path, limits.maxRequestBytes(), "The upload is too large: each JSONL file may "
                + "have at most " + limits.fileSizeText() + " (" + limits.maxFileSize().toBytes() + " bytes)");
    }
}
