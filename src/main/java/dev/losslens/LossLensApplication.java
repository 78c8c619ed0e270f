package dev.losslens;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LossLensApplication {

    public static void main(String[] args) {
        SpringApplication.run(LossLensApplication.class, args);
    }
}
