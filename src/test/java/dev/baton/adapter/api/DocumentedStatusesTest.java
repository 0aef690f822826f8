package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.ApiEndpoints;
import dev.baton.testing.IntegrationTest;
import dev.baton.testing.ObservedStatuses;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document is honest: every status any test of the build saw an operation answer is declared for that
 * operation, media types are real ones, and no schema shows a Java type's internals. The build runs it after every
 * other test (its own surefire execution), and it sends each operation the requests every operation must refuse.
 */
class DocumentedStatusesTest extends IntegrationTest {

    private record Template(ApiEndpoints.Endpoint endpoint, Pattern pattern, long variables) {}

    private static List<Template> templates(List<ApiEndpoints.Endpoint> endpoints) {
        return endpoints.stream()
                .map(e -> new Template(
                        e,
                        Pattern.compile(e.template().replaceAll("\\{[^}]+}", "[^/]+")),
                        e.template().chars().filter(c -> c == '{').count()))
                .toList();
    }

    /** The operation a request was for: the matching template with the fewest variables (literal paths win). */
    private static Optional<ApiEndpoints.Endpoint> operation(List<Template> templates, String method, String path) {
        return templates.stream()
                .filter(t -> t.endpoint().method().equals(method)
                        && t.pattern().matcher(path).matches())
                .min(Comparator.comparingLong(Template::variables))
                .map(Template::endpoint);
    }

    private void sendTheRefusalsEveryOperationAnswers(List<ApiEndpoints.Endpoint> endpoints) {
        for (ApiEndpoints.Endpoint endpoint : endpoints) {
            String path = endpoint.path((template, variable) -> "999999999");
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString("{}");
            send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .method(endpoint.method(), body)
                            .header("Content-Type", "application/json"),
                    false);
            send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .method(endpoint.method(), body)
                            .header("Content-Type", "application/json"),
                    true);
            if (endpoint.takesBody() || endpoint.method().equals("PATCH")) {
                send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .method(endpoint.method(), HttpRequest.BodyPublishers.ofString("<x/>"))
                                .header("Content-Type", "application/xml"),
                        true);
            }
        }
    }

    @Test
    void everyStatusATestObservedIsDeclaredForItsOperation() throws Exception {
        JsonNode document = get("/api/openapi").json();
        Files.writeString(Path.of("target/openapi.json"), document.toPrettyString());
        List<ApiEndpoints.Endpoint> endpoints = ApiEndpoints.of(document);
        sendTheRefusalsEveryOperationAnswers(endpoints);
        List<Template> templates = templates(endpoints);

        var undeclared = new TreeSet<String>();
        int checked = 0;
        for (ObservedStatuses.Observed seen : ObservedStatuses.all()) {
            Optional<ApiEndpoints.Endpoint> operation = operation(templates, seen.method(), seen.path());
            if (operation.isEmpty()) {
                continue;
            }
            checked++;
            if (!operation.get().statuses().contains(seen.status())) {
                undeclared.add(operation.get() + " answered " + seen.status() + " (" + seen.path() + "); declared "
                        + new TreeSet<>(operation.get().statuses()));
            }
        }

        assertThat(checked).as("answers matched to an operation").isGreaterThan(endpoints.size());
        assertThat(undeclared).as("statuses answered but not declared").isEmpty();
    }

    @Test
    void everyMediaTypeIsARealOneAndNoSchemaShowsJavaInternals() {
        JsonNode document = get("/api/openapi").json();
        var wrong = new ArrayList<String>();
        walk(document, "", wrong);

        assertThat(wrong).isEmpty();
    }

    private static void walk(JsonNode node, String at, List<String> wrong) {
        if (node.isObject()) {
            if (node.has("content") && node.get("content").has("*/*")) {
                wrong.add(at + ": content */*");
            }
            JsonNode properties = node.get("properties");
            if (properties != null && properties.has("present") && properties.has("empty")) {
                wrong.add(at + ": an Optional's internals {empty, present}");
            }
            node.properties().forEach(entry -> walk(entry.getValue(), at + "/" + entry.getKey(), wrong));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "/" + i, wrong);
            }
        }
    }
}
