package dev.losslens;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LossLensApplication {

    public static void main(String[] args) {
        configureDjl();
        SpringApplication.run(LossLensApplication.class, args);
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
