package dev.losslens.account;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document says which operations need a signed-in instructor, and how a script signs in. */
@Configuration
class SignInDocumentation {

    static final String SESSION = "instructorSession";
    static final String CSRF = "csrfToken";

    @Bean
    OpenApiCustomizer signInSchemes() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents()
                    .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.COOKIE).name("SESSION").description("An instructor's sign-in: POST "
                                    + "/login as a form (username, password, _csrf) sets this cookie"))
                    .addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.HEADER).name("X-XSRF-TOKEN").description("The XSRF-TOKEN cookie's "
                                    + "value (any page sets it), required on every write sent with a sign-in session"));
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> {
                if (signedIn(path)) {
                    item.readOperations().forEach(operation -> operation.addSecurityItem(
                            new SecurityRequirement().addList(SESSION).addList(CSRF)));
                }
            });
        };
    }

    private static boolean signedIn(String path) {
        return Stream.concat(Arrays.stream(SecurityConfiguration.INSTRUCTOR_PATHS),
                        Arrays.stream(SecurityConfiguration.ADMINISTRATOR_PATHS))
                .filter(pattern -> pattern.startsWith("/api/"))
                .anyMatch(pattern -> path.startsWith(pattern.replace("/**", "/")));
    }
}
