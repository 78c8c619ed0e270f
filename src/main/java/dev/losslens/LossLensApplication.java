package dev.losslens;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LossLensApplication {

    /** Serves the web app; {@code pretrain-base}, {@code bench} and {@code build-vocab} run their command instead. */
    public static void main(String[] args) throws Exception {
        configureDjl();
        String command = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        switch (command) {
            case "pretrain-base" -> dev.losslens.training.BasePretraining.main(rest);
            case "bench" -> dev.losslens.training.Benchmark.main(rest);
            case "build-vocab" -> dev.losslens.text.CompactVocabularyBuilder.main(rest);
            default -> SpringApplication.run(LossLensApplication.class, args);
        }
    }

    /**
     * PyTorch runs offline from the bundled native library, on one intra-op and one inter-op thread: with more,
     * identical seeds drift apart between runs.
     */
    public static void configureDjl() {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
        System.setProperty("ai.djl.pytorch.num_interop_threads",
                System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
    }
}
