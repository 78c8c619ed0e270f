package dev.losslens.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document names this app's configured address, not whatever Host a request claimed. */
@Configuration
class ApiDocumentation {

    @Bean
    OpenAPI losslensApi(WebProperties web) {
        return new OpenAPI().info(new Info().title("LossLens API").version("1"))
                .servers(List.of(new Server().url(web.publicUrl())));
    }
}
