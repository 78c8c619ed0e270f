package dev.losslens.system.api;

import dev.losslens.system.web.WebProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document: it names this app's configured address, not whatever Host a request claimed, and says what
 * each operation really answers ({@link ApiAnswers}): its success status, its 4xx answers as problem+json, and event
 * streams as {@code text/event-stream} with their event names.
 */
@Configuration
class ApiDocumentation {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final List<Integer> EVERY_WRITE = List.of(403, 413);
    /** A body that is not JSON, or not of the operation's shape, is a 400; another content type a 415. */
    private static final List<Integer> EVERY_BODY = List.of(400, 415);

    @Bean
    OpenAPI losslensApi(WebProperties web) {
        return new OpenAPI().info(new Info().title("LossLens API").version("1"))
                .servers(List.of(new Server().url(web.publicUrl())))
                .components(new Components().addSchemas(PROBLEM, problem()));
    }

    /** RFC 9457 problem details, with the request field to fix and, for a form, every rejected field. */
    private static ObjectSchema problem() {
        ObjectSchema problem = new ObjectSchema();
        problem.description("What was wrong with the request, and which field to fix");
        problem.addProperty("type", new StringSchema().example("about:blank"));
        problem.addProperty("title", new StringSchema().example("Bad Request"));
        problem.addProperty("status", new IntegerSchema().example(400));
        problem.addProperty("detail", new StringSchema().example("steps must be from 1 to 2000"));
        problem.addProperty("instance", new StringSchema().example("/api/comparisons"));
        problem.addProperty("field", new StringSchema().description("the request field to fix, when one field is to blame")
                .example("steps"));
        problem.addProperty("errors", new MapSchema().additionalProperties(new StringSchema())
                .description("every rejected field with its message, when several were read at once"));
        problem.setRequired(List.of("title", "status"));
        return problem;
    }

    @Bean
    OperationCustomizer realAnswers() {
        return (operation, handler) -> {
            ApiAnswers answers = handler.getMethodAnnotation(ApiAnswers.class);
            ApiResponses responses = operation.getResponses();
            if (answers != null) {
                succeeds(responses, answers);
            }
            TreeSet<Integer> problems = new TreeSet<>();
            if (answers != null) {
                for (int code : answers.problems()) {
                    problems.add(code);
                }
            }
            if (writes(handler)) {
                problems.addAll(EVERY_WRITE);
            }
            if (operation.getRequestBody() != null) {
                problems.addAll(EVERY_BODY);
            }
            problems.forEach(code -> responses.addApiResponse(String.valueOf(code), new ApiResponse()
                    .description(HttpStatus.valueOf(code).getReasonPhrase())
                    .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                            .schema(new ObjectSchema().$ref("#/components/schemas/" + PROBLEM))))));
            return operation;
        };
    }

    /** The success answer under its real status; an event stream as text/event-stream naming its events. */
    private static void succeeds(ApiResponses responses, ApiAnswers answers) {
        ApiResponse success = responses.remove("200");
        if (success == null) {
            success = responses.getOrDefault(String.valueOf(answers.success()), new ApiResponse());
        }
        success.description(HttpStatus.valueOf(answers.success()).getReasonPhrase());
        if (answers.events().length > 0) {
            success.description("Server-Sent Events named " + String.join(", ", answers.events()) + "; each event's "
                    + "data is one JSON object").content(new Content().addMediaType("text/event-stream",
                    new MediaType().schema(new StringSchema().description("for each event a line 'event: <name>', a "
                            + "line 'data: <json>' and a blank line"))));
        }
        if (answers.success() == 204) {
            success.content(null);
        }
        responses.addApiResponse(String.valueOf(answers.success()), success);
    }

    private static boolean writes(HandlerMethod handler) {
        return handler.hasMethodAnnotation(PostMapping.class) || handler.hasMethodAnnotation(PutMapping.class)
                || handler.hasMethodAnnotation(DeleteMapping.class);
    }

    /** The emitter class is an implementation detail of the streams, not a schema a client could read. */
    @Bean
    OpenApiCustomizer noEmitterSchema() {
        return api -> {
            if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
                api.getComponents().getSchemas().remove("SseEmitter");
            }
        };
    }
}
