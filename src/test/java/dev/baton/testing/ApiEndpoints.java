package dev.baton.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of the API as its OpenAPI document describes it: method, path template, body types, query
 * parameters, and the statuses it says the operation answers.
 */
public final class ApiEndpoints {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private ApiEndpoints() {}

    /** One operation. */
    public record Endpoint(
            String method,
            String template,
            List<String> bodyTypes,
            Set<String> queryParameters,
            Set<Integer> statuses) {

        public boolean takesBody() {
            return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        }

        /** The path with each variable replaced by what {@code value} gives for (template, variable name). */
        public String path(BiFunction<String, String, String> value) {
            Matcher m = VARIABLE.matcher(template);
            var path = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(path, Matcher.quoteReplacement(value.apply(template, m.group(1))));
            }
            m.appendTail(path);
            return path.toString();
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** The operations under /api/v1 of an OpenAPI document. */
    public static List<Endpoint> of(JsonNode openApi) {
        var endpoints = new ArrayList<Endpoint>();
        openApi.get("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/api/v1/")) {
                return;
            }
            path.getValue().properties().forEach(operation -> {
                var bodyTypes = new ArrayList<String>();
                JsonNode content = operation.getValue().at("/requestBody/content");
                if (content.isObject()) {
                    content.propertyNames().forEach(bodyTypes::add);
                }
                var query = new LinkedHashSet<String>();
                JsonNode parameters = operation.getValue().get("parameters");
                if (parameters != null) {
                    parameters.forEach(p -> {
                        if (p.get("in").asString().equals("query")) {
                            query.add(p.get("name").asString());
                        }
                    });
                }
                var statuses = new LinkedHashSet<Integer>();
                JsonNode responses = operation.getValue().get("responses");
                if (responses != null) {
                    responses.propertyNames().forEach(status -> statuses.add(Integer.parseInt(status)));
                }
                endpoints.add(new Endpoint(
                        operation.getKey().toUpperCase(Locale.ROOT),
                        path.getKey(),
                        List.copyOf(bodyTypes),
                        Set.copyOf(query),
                        Set.copyOf(statuses)));
            });
        });
        return endpoints;
    }
}
