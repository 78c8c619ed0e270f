package dev.losslens.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** axe-core's script, read once from the classpath (the deque Selenium jar ships it as {@code axe.min.js}). */
final class AxeScript {

    static final String SOURCE = read();

    private AxeScript() {
    }

    private static String read() {
        try (InputStream in = AxeScript.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
