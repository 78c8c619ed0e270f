package dev.losslens.system.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The bundles are read as Spring reads them: a message with placeholders through MessageFormat, one without as is. */
class BundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void quotesAreWrittenTheWayEachMessageIsRead() throws IOException {
        Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath:messages/*.properties");
        assertThat(bundles).hasSizeGreaterThanOrEqualTo(4);
        for (Resource bundle : bundles) {
            Properties messages = new Properties();
            try (InputStream in = bundle.getInputStream()) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            messages.forEach((key, value) -> {
                String message = (String) value;
                if (PLACEHOLDER.matcher(message).find()) {
                    assertThat(message.replace("''", "")).as("%s in %s: a lone quote would hide what follows it",
                            key, bundle.getFilename()).doesNotContain("'");
                } else {
                    assertThat(message).as("%s in %s: shown as written, so '' would show twice", key,
                            bundle.getFilename()).doesNotContain("''");
                }
            });
        }
    }
}
