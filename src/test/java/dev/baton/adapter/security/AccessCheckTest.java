package dev.baton.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.ApiEndpoints;
import dev.baton.testing.ApiEndpoints.Endpoint;
import dev.baton.testing.DatabaseWrites;
import dev.baton.testing.IntegrationTest;
import dev.baton.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint, under every spelling of its path that a servlet container, the firewall and the dispatcher might
 * read differently, without a token and with a wrong one: refused with 400 or 401, and nothing written. The limit on
 * bodies holds under every spelling that reaches a controller.
 */
@TestPropertySource(properties = "baton.api.max-body-bytes=" + AccessCheckTest.LIMIT)
class AccessCheckTest extends IntegrationTest {

    static final int LIMIT = 64 * 1024;
    private static final String REP = "alex.kim@northwind.example";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private RawHttp http;
    private long lead;
    private long absence;
    private int version;
    private long token;

    @BeforeEach
    void aBatonWithSomethingToReach() {
        http = new RawHttp(port);
        version = activateExample("saas-north-america-europe.yaml");
        lead = postJson("/api/v1/leads", "{\"email\":\"dana@acme.example\"}")
                .json()
                .get("id")
                .asLong();
        absence = postJson(
                        "/api/v1/reps/" + REP + "/absences",
                        "{\"from\":\"2026-12-01T00:00:00Z\",\"until\":\"2026-12-02T00:00:00Z\"}")
                .json()
                .get("id")
                .asLong();
        token = postJson(
                        "/api/v1/tokens", "{\"name\":\"reached\",\"scopes\":[\"read\"],\"owner\":\"" + MARKETER + "\"}")
                .json()
                .at("/details/id")
                .asLong();
    }

    /** The spellings of a path that a reader could take for the path itself, each as a change of the plain path. */
    private static final Map<String, UnaryOperator<String>> SPELLINGS = spellings();

    private static Map<String, UnaryOperator<String>> spellings() {
        var s = new LinkedHashMap<String, UnaryOperator<String>>();
        s.put("plain", p -> p);
        s.put("empty ; parameter after /api", p -> p.replaceFirst("^/api/", "/api;/"));
        s.put("; parameter after /v1", p -> p.replaceFirst("^/api/v1/", "/api/v1;x/"));
        s.put("; name=value after /api", p -> p.replaceFirst("^/api/", "/api;x=1/"));
        s.put("; at the end", p -> p + ";jsessionid=1");
        s.put("encoded %3B", p -> p.replaceFirst("^/api/v1/", "/api/v1%3Bx/"));
        s.put("encoded letter in v1", p -> p.replaceFirst("^/api/v1/", "/api/%761/"));
        s.put("encoded letter in api", p -> p.replaceFirst("^/api/", "/%61pi/"));
        s.put("encoded last letter", p -> p.substring(0, p.length() - 1) + "%" + hex(p.charAt(p.length() - 1)));
        s.put("encoded slash", p -> p.replaceFirst("^/api/v1/", "/api%2Fv1/"));
        s.put("encoded backslash", p -> p.replaceFirst("^/api/v1/", "/api%5Cv1/"));
        s.put("backslash", p -> p.replaceFirst("^/api/v1/", "/api\\\\v1/"));
        s.put("dot segment", p -> p.replaceFirst("^/api/v1/", "/api/v1/./"));
        s.put("dot-dot segment", p -> p.replaceFirst("^/api/v1/", "/api/x/../v1/"));
        s.put("encoded dot-dot", p -> p.replaceFirst("^/api/v1/", "/api/x/%2e%2e/v1/"));
        s.put("double slash", p -> "/" + p);
        s.put("double slash inside", p -> p.replaceFirst("^/api/v1/", "/api//v1/"));
        s.put("trailing slash", p -> p + "/");
        s.put("upper case", p -> p.replaceFirst("^/api/", "/API/"));
        s.put("encoded NUL", p -> p + "%00");
        s.put("absolute form", p -> "http://localhost" + p);
        return s;
    }

    private static String hex(char c) {
        return String.format("%02X", (int) c);
    }

    private List<Endpoint> endpoints() {
        return ApiEndpoints.of(get("/api/openapi").json());
    }

    private String value(String template, String variable) {
        return switch (variable) {
            case "id" ->
                template.startsWith("/api/v1/rescoring") || template.startsWith("/api/v1/users")
                        ? "1"
                        : template.startsWith("/api/v1/tokens")
                                ? Long.toString(token)
                                : template.contains("/absences/") ? Long.toString(absence) : Long.toString(lead);
            case "rep" -> REP;
            case "team" -> "na-mid-market";
            case "number", "from", "to" -> Integer.toString(version);
            case "kind" -> "leads";
            default -> throw new IllegalArgumentException("no value for {" + variable + "} in " + template);
        };
    }

    private static byte[] bodyFor(Endpoint endpoint, int size) {
        String type = contentType(endpoint);
        String body = switch (type) {
            case "text/csv" -> "email\n" + "someone@acme.example\n";
            case "application/yaml" -> "agreement: x\n";
            default ->
                "{\"email\":\"intruder@acme.example\",\"rep\":\"" + REP + "\",\"active\":false," + "\"reason\":\"x\"}";
        };
        if (size > body.length()) {
            // the padding comes first, so that a reader must read past the limit before it can find anything wrong
            body = " ".repeat(size - body.length()) + body;
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static String contentType(Endpoint endpoint) {
        return endpoint.bodyTypes().isEmpty()
                ? "application/json"
                : endpoint.bodyTypes().get(0);
    }

    @Test
    void theOpenApiDocumentListsEveryEndpointOfBaton() {
        Set<String> documented = new java.util.HashSet<>();
        endpoints().forEach(e -> documented.add(e.toString()));
        var handled = new ArrayList<String>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
                mappings.getHandlerMethods().entrySet()) {
            if (!mapping.getValue().getBeanType().getPackageName().startsWith("dev.baton")) {
                continue;
            }
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue; // the web pages are not the API
                }
                mapping.getKey().getMethodsCondition().getMethods().forEach(m -> handled.add(m + " " + pattern));
            }
        }

        assertThat(handled).hasSizeGreaterThan(30);
        assertThat(documented).containsAll(handled);
    }

    @Test
    void everySpellingOfEveryEndpointIsRefusedWithoutAValidTokenAndNothingIsWritten() {
        List<Endpoint> endpoints = endpoints();
        long nextTransaction = DatabaseWrites.nextTransaction(jdbc);
        Map<String, String> tables = DatabaseWrites.tables(jdbc);
        var letThrough = new ArrayList<String>();
        int sent = 0;
        for (Endpoint endpoint : endpoints) {
            String path = endpoint.path(this::value);
            for (Map.Entry<String, UnaryOperator<String>> spelling : SPELLINGS.entrySet()) {
                List<String> tokens = spelling.getKey().equals("plain")
                        ? java.util.Arrays.asList(
                                null, "Bearer wrong-token", "Bearer " + TOKEN + "x", "Bearer", "Basic Zm9v", TOKEN)
                        : java.util.Arrays.asList(null, "Bearer wrong-token");
                for (String token : tokens) {
                    var headers = new LinkedHashMap<String, String>();
                    headers.put("Content-Type", contentType(endpoint));
                    if (token != null) {
                        headers.put("Authorization", token);
                    }
                    byte[] body = endpoint.takesBody() ? bodyFor(endpoint, 0) : new byte[0];
                    RawHttp.Response response =
                            http.send(endpoint.method(), spelling.getValue().apply(path), headers, body);
                    sent++;
                    // a spelling the API's chain does not take for its own reaches the pages' chain, which refuses a
                    // form without its CSRF token (403) before it looks for anyone signed in
                    boolean refused = response.status() == 400
                            || response.status() == 401
                            || (response.status() == 403 && !spelling.getKey().equals("plain"));
                    if (!refused) {
                        letThrough.add(endpoint + " spelt '" + spelling.getKey() + "' with "
                                + (token == null ? "no token" : "'" + token + "'") + ": " + response.status() + " "
                                + response.body());
                    } else {
                        assertThat(response.headers().get("content-type"))
                                .as(endpoint + " " + spelling.getKey())
                                .startsWith("application/problem+json");
                    }
                }
            }
        }

        assertThat(sent).isGreaterThan(endpoints.size() * SPELLINGS.size() * 2);
        assertThat(letThrough).isEmpty();
        assertThat(DatabaseWrites.tables(jdbc)).isEqualTo(tables);
        assertThat(DatabaseWrites.nextTransaction(jdbc))
                .as("no transaction took an id, so none wrote anything")
                .isEqualTo(nextTransaction);
    }

    /** The spellings a reader could take more than one way: refused as they are, whoever sends them. */
    private static final Set<String> AMBIGUOUS = Set.of(
            "empty ; parameter after /api",
            "; parameter after /v1",
            "; name=value after /api",
            "; at the end",
            "encoded %3B",
            "encoded slash",
            "encoded backslash",
            "backslash",
            "dot segment",
            "dot-dot segment",
            "encoded dot-dot",
            "double slash",
            "double slash inside",
            "encoded NUL");

    @Test
    void anAmbiguousSpellingIsRefusedWith400EvenWithTheRightToken() {
        List<Endpoint> endpoints = endpoints();
        long nextTransaction = DatabaseWrites.nextTransaction(jdbc);
        var served = new ArrayList<String>();
        for (Endpoint endpoint : endpoints) {
            String path = endpoint.path(this::value);
            for (String spelling : AMBIGUOUS) {
                var headers = Map.of("Content-Type", contentType(endpoint), "Authorization", "Bearer " + TOKEN);
                byte[] body = endpoint.takesBody() ? bodyFor(endpoint, 0) : new byte[0];
                RawHttp.Response response =
                        http.send(endpoint.method(), SPELLINGS.get(spelling).apply(path), headers, body);
                if (response.status() != 400 || !response.body().contains("\"type\":\"https://baton.dev/problems/")) {
                    served.add(endpoint + " spelt '" + spelling + "': " + response.status() + " " + response.body());
                }
            }
        }

        assertThat(served).isEmpty();
        assertThat(DatabaseWrites.nextTransaction(jdbc)).isEqualTo(nextTransaction);
    }

    @Test
    void theBodyLimitHoldsOnEverySpellingThatReachesAController() {
        var escaped = new ArrayList<String>();
        // someone who may do everything, so that the limit, not a role, is what refuses
        String everyone = tokenOf("everyone@x.example", "admin", "revops", "marketing", "sales_manager", "rep");
        for (Endpoint endpoint : endpoints()) {
            // a command without a body never reads one; Tomcat drains at most max-swallow-size of it
            if (!endpoint.takesBody()
                    || endpoint.bodyTypes().isEmpty()
                    || endpoint.template().startsWith("/api/v1/imports/")) {
                continue;
            }
            String path = endpoint.path(this::value);
            for (Map.Entry<String, UnaryOperator<String>> spelling : SPELLINGS.entrySet()) {
                var headers = Map.of("Content-Type", contentType(endpoint), "Authorization", "Bearer " + everyone);
                byte[] body = bodyFor(endpoint, LIMIT + 1);
                String target = spelling.getValue().apply(path);
                RawHttp.Response declared = http.send(endpoint.method(), target, headers, body);
                RawHttp.Response streamed = http.sendChunked(endpoint.method(), target, headers, body, 1000);
                for (RawHttp.Response response : List.of(declared, streamed)) {
                    if (!limitedOrNeverRouted(response, response == streamed)) {
                        escaped.add(endpoint + " spelt '" + spelling.getKey() + "' ("
                                + (response == declared ? "length declared" : "streamed") + "): "
                                + response.status() + " " + response.body());
                    }
                }
                if (spelling.getKey().equals("plain")) {
                    assertThat(declared.status())
                            .as(endpoint + ": " + declared.body())
                            .isEqualTo(413);
                    assertThat(streamed.status())
                            .as(endpoint + " streamed: " + streamed.body())
                            .isEqualTo(413);
                }
            }
        }

        assertThat(escaped).isEmpty();
    }

    /**
     * 413; or refused before any controller: by the firewall or the server (400), or, for a streamed body whose
     * length nobody declared, because no controller has the path (404, having read nothing).
     */
    private static boolean limitedOrNeverRouted(RawHttp.Response response, boolean streamed) {
        String type = response.body().replaceAll("(?s).*\"type\":\"https://baton.dev/problems/([a-z-]+)\".*", "$1");
        return response.status() == 413
                || response.status() == 400
                        && Set.of("rejected-request", "malformed-request").contains(type)
                || streamed
                        && response.status() == 404
                        && type.equals("not-found")
                        && response.body().contains("No static resource")
                // a spelling no rule of the endpoint table names is refused before anything reads its body
                || response.status() == 404 && response.body().contains("there is no such endpoint")
                // one the API's chain does not take as its own meets the pages' CSRF check first
                || response.status() == 403 && response.body().contains("CSRF token");
    }

    @Test
    void aCsvImportStreamsPastTheBodyLimit() {
        var csv = new StringBuilder("email,first_name\n");
        for (int i = 0; csv.length() <= 3 * LIMIT; i++) {
            csv.append("lead-").append(i).append("@streamed.example,Lee\n");
        }

        Response imported = post("/api/v1/imports/leads", "text/csv", csv.toString());

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().at("/counts/created").asInt()).isGreaterThan(100);
    }

    @Test
    void theDocumentationAndTheHealthCheckAreOpenAndNothingElseIs() {
        assertThat(getWithoutToken("/api/openapi").status()).isEqualTo(200);
        assertThat(getWithoutToken("/api/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(getWithoutToken("/actuator/health").status()).isEqualTo(200);
        assertThat(getWithoutToken("/actuator/info").status()).isEqualTo(401);
        assertThat(getWithoutToken("/").status()).isEqualTo(401);
        assertThat(getWithoutToken("/api/v1/leads/" + lead).status()).isEqualTo(401);
        assertThat(getWithoutToken("/api/v1/leads/" + lead).json().get("type").asString())
                .isEqualTo("https://baton.dev/problems/unauthorized");
    }

    @Test
    void aMissingTokenIsToldHowToSendOneAndAWrongOneThatItIsWrong() {
        RawHttp.Response missing = http.send("GET", "/api/v1/leads/" + lead, Map.of(), new byte[0]);
        RawHttp.Response wrong =
                http.send("GET", "/api/v1/leads/" + lead, Map.of("Authorization", "Bearer nope"), new byte[0]);

        assertThat(missing.headers().get("www-authenticate")).isEqualTo("Bearer realm=\"baton\"");
        assertThat(missing.body()).contains("\"detail\":\"send the API token as 'Authorization: Bearer <token>'\"");
        assertThat(wrong.headers().get("www-authenticate"))
                .isEqualTo("Bearer realm=\"baton\", error=\"invalid_token\"");
        assertThat(wrong.body()).contains("\"detail\":\"the API token is not valid\"");
    }
}
