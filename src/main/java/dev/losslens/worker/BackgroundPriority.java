package dev.losslens.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the calling thread's scheduling priority (nice 10 on Linux, where every Java thread is a kernel task of its
 * own): training then uses whatever processor time the web server and the explorer leave, and a busy trainer does not
 * slow a learner's click. Where that is impossible the thread keeps its priority, and says so once.
 */
final class BackgroundPriority {

    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final Path THIS_THREAD = Path.of("/proc/thread-self");
    private static final String NICE = "10";

    private BackgroundPriority() {
    }

    static void lower() {
        try {
            if (!Files.exists(THIS_THREAD)) {
                log.info("Training runs at normal priority: this system has no per-thread priorities");
                return;
            }
            String task = THIS_THREAD.toRealPath().getFileName().toString();            // /proc/<pid>/task/<tid>
            Process renice = new ProcessBuilder("renice", "-n", NICE, "-p", task).redirectErrorStream(true).start();
            String said = new String(renice.getInputStream().readAllBytes()).strip();
            if (!renice.waitFor(5, TimeUnit.SECONDS) || renice.exitValue() != 0) {
                log.info("Training runs at normal priority: renice said {}", said);
            }
        } catch (IOException e) {
            log.info("Training runs at normal priority: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
