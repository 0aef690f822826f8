package dev.baton.adapter.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Gives the OpenAPI document the types of the answers a Java type cannot state itself: a lead's score card and routing
 * decision (kept as JSON with the lead, and shaped as {@code ScoreCard} and {@code RoutingDecision}), and a routing
 * decision as one of its two kinds — assigned to a rep, or held in a queue — rather than an empty object.
 */
public final class TypedSchemasInDocument implements OpenApiCustomizer {

    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        for (String kind : List.of("Assigned", "Unroutable")) {
            Schema schema = schemas.get(kind);
            if (schema instanceof ComposedSchema composed && composed.getAllOf() != null) {
                composed.getAllOf().stream()
                        .filter(part -> part.get$ref() == null)
                        .findFirst()
                        .ifPresent(own -> schemas.put(kind, own));
            }
        }
        if (schemas.containsKey("Assigned") && schemas.containsKey("Unroutable")) {
            schemas.put(
                    "RoutingDecision",
                    new ComposedSchema()
                            .oneOf(List.of(
                                    new Schema<>().$ref(SCHEMAS + "Assigned"),
                                    new Schema<>().$ref(SCHEMAS + "Unroutable")))
                            .description("Assigned to a rep of a team (rep), or held in a queue (queue) when no rep"
                                    + " could take the lead"));
        }
        Schema lead = schemas.get("LeadDetails");
        if (lead != null && lead.getProperties() != null) {
            Map<String, Schema> properties = lead.getProperties();
            properties.put(
                    "scoreCard",
                    new Schema<>()
                            .$ref(SCHEMAS + "ScoreCard")
                            .description("The score card as it was when the lead was last scored"));
            properties.put(
                    "routing",
                    new Schema<>()
                            .$ref(SCHEMAS + "RoutingDecision")
                            .description("The routing decision that gave the lead its owner or queue"));
        }
    }
}
