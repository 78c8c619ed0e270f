package dev.losslens;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/** A hand-written file for a loader under test: its text and the name its complaints must give. */
public final class NamedFile {

    private NamedFile() {
    }

    public static Resource of(String name, String text) {
        return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }
}
