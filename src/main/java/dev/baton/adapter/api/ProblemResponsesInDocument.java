package dev.baton.adapter.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Writes into the OpenAPI document the refusals every operation can answer, each an RFC 9457 problem: 400 (a field
 * that is wrong or missing, a path spelled ambiguously), 401 (no or a wrong token), 403 (a role or scope that does not
 * allow it), 404 (a thing the path or body names
 * that does not exist), 406 (an Accept the operation cannot answer), 409 (a step the current state refuses), 413 (a body
 * above the limit), 415 (a body of a type the operation does not take) and 429 (over the token's rate limit).
 */
public final class ProblemResponsesInDocument implements OpenApiCustomizer {

    private static final String PROBLEM = "Problem";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/v1/")) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> describe(path, method, operation));
        });
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean body = method == PathItem.HttpMethod.POST
                || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH;
        add(
                responses,
                "400",
                "The request is refused: a field is wrong or missing (named in errors), or the path is"
                        + " spelled ambiguously");
        add(responses, "401", "No API token, or a wrong, revoked or expired one: send 'Authorization: Bearer <token>'");
        add(
                responses,
                "403",
                "The token's scopes or its owner's roles do not allow this, or (for a lead or a rep) not on this one;"
                        + " the problem says why");
        add(responses, "429", "Over the token's rate limit: wait the Retry-After seconds and send again");
        if (path.contains("{") || path.equals("/api/v1/agreements/active")) {
            add(responses, "404", "A lead, rep, team, version or job the request names does not exist");
        }
        add(responses, "406", "The Accept header names no type this operation answers with");
        boolean step = path.startsWith("/api/v1/leads/{id}/") && !path.endsWith("/activities")
                || path.startsWith("/api/v1/agreements/{number}/")
                || path.equals("/api/v1/notifications/{id}/retry")
                || path.equals("/api/v1/reviews/{id}/close")
                || path.startsWith("/api/v1/users");
        if (body && step) {
            add(
                    responses,
                    "409",
                    "The step is not one the current state allows; the problem names the stage and"
                            + " the steps it allows");
        }
        if (body) {
            if (!path.startsWith("/api/v1/imports/")) {
                add(responses, "413", "The body is larger than the limit (10 MiB by default)");
            }
            add(responses, "415", "The body's Content-Type is not one this operation takes");
        }
        operation.setResponses(responses);
    }

    private static void add(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(
                status,
                new ApiResponse()
                        .description(description)
                        .content(new Content()
                                .addMediaType(
                                        "application/problem+json",
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        var error = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field, as the request names it"))
                .addProperty("message", new StringSchema())
                .addProperty("line", new IntegerSchema().description("CSV and YAML: the line"))
                .addProperty("column", new IntegerSchema().description("CSV and YAML: the column"));
        return new ObjectSchema()
                .description("An RFC 9457 problem")
                .properties(Map.of(
                        "type", new StringSchema().example("https://baton.dev/problems/invalid-request"),
                        "title", new StringSchema(),
                        "status", new IntegerSchema(),
                        "detail", new StringSchema(),
                        "instance", new StringSchema(),
                        "errors", new ArraySchema().items(error)));
    }
}
