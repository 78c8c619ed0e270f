package dev.losslens;

import dev.losslens.command.BasePretraining;
import dev.losslens.command.Benchmark;
import dev.losslens.command.HallLoad;
import dev.losslens.command.UsageException;
import dev.losslens.model.DjlEngine;
import dev.losslens.text.CompactVocabularyBuilder;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LossLensApplication {

    /**
     * Serves the web app; {@code pretrain-base}, {@code bench}, {@code load} and {@code build-vocab} run their command
     * instead.
     */
    public static void main(String[] args) throws Exception {
        DjlEngine.configure();
        String command = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        try {
            switch (command) {
                case "pretrain-base" -> BasePretraining.main(rest);
                case "bench" -> Benchmark.main(rest);
                case "load" -> HallLoad.main(rest);
                case "build-vocab" -> CompactVocabularyBuilder.main(rest);
                default -> SpringApplication.run(LossLensApplication.class, args);
            }
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
