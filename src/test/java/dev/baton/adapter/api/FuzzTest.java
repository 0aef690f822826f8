package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.ApiEndpoints;
import dev.baton.testing.ApiEndpoints.Endpoint;
import dev.baton.testing.DatabaseWrites;
import dev.baton.testing.Hostile;
import dev.baton.testing.IntegrationTest;
import dev.baton.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Thousands of hostile requests across every endpoint of the OpenAPI document: NUL and lone surrogates, bytes that are
 * not UTF-8, times and numbers out of range, wrong and wildcard content types, bodies nested deep, cut short or
 * oversized, wrong types, CSV and YAML built to break a reader, hostile path and query values. None may get a 5xx;
 * every refusal is a problem with a type, and leaves the database as it was; every status is one the OpenAPI document
 * lists for the operation. The seed is in every failure message:
 * run again with {@code -Dfuzz.seed=<seed>} to repeat a run.
 */
class FuzzTest extends IntegrationTest {

    private static final int REQUESTS = 2400;
    private static final String REP = "alex.kim@northwind.example";

    @Autowired
    JdbcClient jdbc;

    private final long seed = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
    private Hostile hostile;
    private RawHttp http;
    private final Map<String, String> known = new HashMap<>();
    private String agreement;

    @BeforeEach
    void aBatonWithLeadsRepsAndVersions() throws Exception {
        hostile = new Hostile(new Random(seed));
        http = new RawHttp(port);
        agreement = Files.readString(Path.of("examples/agreements/saas-north-america-europe.yaml"));
        int version = activate(agreement, "saas");
        long lead = postJson("/api/v1/leads", "{\"email\":\"dana@acme.example\",\"title\":\"VP Marketing\"}")
                .json()
                .get("id")
                .asLong();
        long absence = postJson(
                        "/api/v1/reps/" + REP + "/absences",
                        "{\"from\":\"2026-12-01T00:00:00Z\",\"until\":\"2026-12-02T00:00:00Z\"}")
                .json()
                .get("id")
                .asLong();
        known.put("lead", Long.toString(lead));
        known.put(
                "company",
                Long.toString(get("/api/v1/companies?domain=acme.example")
                        .json()
                        .at("/companies/0/id")
                        .asLong()));
        known.put("absence", Long.toString(absence));
        known.put("version", Integer.toString(version));
        postJson("/api/v1/users", "{\"email\":\"fuzz.user@northwind.example\",\"roles\":[\"rep\"]}");
        for (var user : get("/api/v1/users").json()) {
            if (user.get("email").asString().equals("fuzz.user@northwind.example")) {
                known.put("user", user.get("id").asString());
            }
        }
        known.put(
                "token",
                postJson(
                                "/api/v1/tokens",
                                "{\"name\":\"fuzzed\",\"owner\":\"fuzz.user@northwind.example\",\"scopes\":[\"read\"]}")
                        .json()
                        .at("/details/id")
                        .asString());
    }

    private String value(String template, String variable) {
        String good = switch (variable) {
            case "id" ->
                template.startsWith("/api/v1/rescoring")
                        ? "1"
                        : template.startsWith("/api/v1/users")
                                ? known.get("user")
                                : template.startsWith("/api/v1/tokens")
                                        ? known.get("token")
                                        : template.startsWith("/api/v1/companies")
                                                ? known.get("company")
                                                : template.contains("/absences/")
                                                        ? known.get("absence")
                                                        : known.get("lead");
            case "rep" -> hostile.chance(0.8) ? REP : "tom.berg@northwind.example";
            case "team" -> "na-mid-market";
            case "number", "from", "to" -> known.get("version");
            case "kind" -> hostile.pick(List.of("leads", "events", "activities", "opportunities", "stage-changes"));
            default -> throw new IllegalArgumentException("no value for {" + variable + "} in " + template);
        };
        return hostile.parameter(good);
    }

    /** A valid body for each endpoint that takes JSON, which the fuzzer then breaks. */
    private static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("PUT /api/v1/reps/{rep}/active", "{\"active\":true}"),
            Map.entry("POST /api/v1/notifications/{id}/retry", "{}"),
            Map.entry("POST /api/v1/reviews", "{}"),
            Map.entry("PATCH /api/v1/companies/{id}", "{\"name\":\"Acme Inc.\",\"employees\":200}"),
            Map.entry("POST /api/v1/reviews/{id}/close", "{\"note\":\"handled\"}"),
            Map.entry(
                    "POST /api/v1/teams/{team}/members",
                    "{\"rep\":\"new@northwind.example\",\"weight\":1,\"capacity\":5,\"slack\":\"U123\"}"),
            Map.entry("POST /api/v1/reps/{rep}/reassign", "{\"reason\":\"on leave\"}"),
            Map.entry(
                    "POST /api/v1/reps/{rep}/absences",
                    "{\"from\":\"2026-11-20T00:00:00Z\",\"until\":\"2026-11-21T00:00:00Z\",\"note\":\"away\"}"),
            Map.entry("POST /api/v1/leads", """
                    {"email":"lee@globex.example","firstName":"Lee","lastName":"Chan","title":"CMO","phone":"+1 555",
                     "country":"US","region":"NA","state":"NY","city":"NYC","source":"webinar","campaign":"q4",
                     "utm":{"source":"g","medium":"cpc","campaign":"q4","term":"t","content":"c"},"externalId":"crm-1",
                     "estimatedDealSize":48000,"attributes":{"seats":"40"},
                     "company":{"name":"Globex","domain":"globex.example","employees":200,"annualRevenue":20000000,
                                "industry":"SaaS","country":"US","region":"NA","state":"NY"}}"""),
            Map.entry(
                    "POST /api/v1/leads/{id}/reassign",
                    "{\"rep\":\"tom.berg@northwind.example\",\"reason\":\"language\"}"),
            Map.entry(
                    "POST /api/v1/leads/{id}/activities",
                    "{\"type\":\"call\",\"at\":\"2026-11-02T13:00:00Z\",\"rep\":\"" + REP
                            + "\",\"outcome\":\"connected\",\"notes\":\"good call\"}"),
            Map.entry("POST /api/v1/events", """
                    {"events":[{"eventId":"e-1","email":"dana@acme.example","type":"page_view",
                                "occurredAt":"2026-11-02T13:00:00Z","properties":{"url":"/pricing"}},
                               {"eventId":"e-2","visitorId":"v-1","type":"form_submitted",
                                "occurredAt":"2026-11-02T13:30:00Z","properties":{"form":"demo"}}]}"""),
            Map.entry("POST /api/v1/agreements/{number}/approvals", "{\"side\":\"marketing\",\"comment\":\"ok\"}"),
            Map.entry(
                    "POST /api/v1/agreements/{number}/simulations", "{\"from\":\"2026-08-01\",\"to\":\"2026-10-31\"}"),
            Map.entry(
                    "POST /api/v1/users",
                    "{\"email\":\"new.user@northwind.example\",\"name\":\"New User\",\"roles\":[\"rep\"],"
                            + "\"password\":\"a long enough password\"}"),
            Map.entry("PATCH /api/v1/users/{id}", "{\"name\":\"Renamed\",\"roles\":[\"rep\"],\"disabled\":false}"),
            Map.entry(
                    "POST /api/v1/tokens",
                    "{\"name\":\"forms\",\"owner\":\"new.user@northwind.example\",\"scopes\":[\"ingest\"],"
                            + "\"expiresAt\":\"2027-01-01T00:00:00Z\",\"requestsPerMinute\":100}"),
            Map.entry("POST /api/v1/personal-data/erasure", "{\"email\":\"lee@globex.example\"}"));

    /** The body of the lifecycle commands, with every field some command reads. */
    private static final String COMMAND = """
            {"reasonCode":"NO_RESPONSE","note":"n","bant":{"budget":"60k","authority":"VP",
             "need":"x","timeline":"Q1"},"amount":48000,"currency":"USD","expectedCloseDate":"2027-02-28",
             "lostReason":"price"}""";

    private static final Map<String, List<String>> CSV_COLUMNS = Map.of(
            "leads", List.of("email", "first_name", "title", "company_domain", "company_employees", "attr_seats"),
            "events", List.of("event_id", "email", "type", "occurred_at", "prop_url"),
            "activities", List.of("email", "type", "at", "rep", "outcome"),
            "opportunities", List.of("email", "amount", "currency", "expected_close_date", "status", "closed_at"),
            "stage-changes", List.of("email", "stage", "at", "actor", "reason_code"));

    private JsonNode example(Endpoint endpoint) {
        String key = endpoint.toString();
        String example = EXAMPLES.get(key);
        if (example == null && endpoint.template().startsWith("/api/v1/leads/{id}/")) {
            example = COMMAND;
        }
        assertThat(example).as("the fuzzer has no example body for " + key).isNotNull();
        return JSON.readTree(example);
    }

    private byte[] body(Endpoint endpoint, String path) {
        String type = endpoint.bodyTypes().get(0);
        if (type.equals("text/csv")) {
            String kind = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
            return hostile.csv(CSV_COLUMNS.getOrDefault(kind, List.of("email", "x")));
        }
        if (type.contains("yaml")) {
            return hostile.yaml(agreement);
        }
        return hostile.json(example(endpoint));
    }

    private String query(Endpoint endpoint) {
        if (endpoint.queryParameters().isEmpty() || hostile.chance(0.2)) {
            return "";
        }
        var parts = new ArrayList<String>();
        for (String name : endpoint.queryParameters()) {
            String good = switch (name) {
                case "author" -> "revops";
                case "note" -> "a%20note";
                case "mode" -> hostile.pick(List.of("all-or-nothing", "valid-rows"));
                case "dryRun" -> hostile.pick(List.of("true", "false"));
                case "map" -> "Email%20Address:email";
                case "email" -> "dana@acme.example";
                default -> "x";
            };
            if (hostile.chance(0.85)) {
                parts.add(name + "=" + hostile.parameter(good));
            }
        }
        if (hostile.chance(0.1)) {
            parts.add(parts.isEmpty() ? "x=1" : parts.get(0));
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    @Test
    void noHostileRequestGetsAServerErrorAndNoRefusalWritesAnything() {
        System.out.println("FuzzTest seed " + seed + " (repeat with -Dfuzz.seed=" + seed + ")");
        List<Endpoint> endpoints = ApiEndpoints.of(get("/api/openapi").json());
        var failures = new ArrayList<String>();
        var statuses = new java.util.TreeMap<Integer, Integer>();
        for (int i = 0; i < REQUESTS; i++) {
            Endpoint endpoint = endpoints.get(i % endpoints.size());
            String path = endpoint.path(this::value) + query(endpoint);
            var headers = new LinkedHashMap<String, String>();
            headers.put("Authorization", "Bearer " + TOKEN);
            byte[] body = new byte[0];
            if (endpoint.takesBody() && !endpoint.bodyTypes().isEmpty()) {
                body = body(endpoint, path);
                if (!hostile.chance(0.05)) {
                    headers.put(
                            "Content-Type",
                            hostile.contentType(endpoint.bodyTypes().get(0)));
                }
            }
            if (hostile.chance(0.1)) {
                headers.put("Accept", hostile.pick(List.of("text/plain", "application/xml", "*/*", "image/png")));
            }
            Map<String, String> before = DatabaseWrites.tables(jdbc);
            RawHttp.Response response = endpoint.takesBody() && hostile.chance(0.1)
                    ? http.sendChunked(endpoint.method(), path, headers, body, 1 + hostile.below(4096))
                    : http.send(endpoint.method(), path, headers, body);
            statuses.merge(response.status(), 1, Integer::sum);
            String request = "#" + i + " " + endpoint.method() + " " + abbreviate(path) + " "
                    + headers.get("Content-Type") + " body " + abbreviate(new String(body, StandardCharsets.UTF_8));
            if (!endpoint.statuses().contains(response.status())) {
                failures.add(request + " → " + response.status() + ", which the OpenAPI document does not list for "
                        + endpoint + " " + endpoint.statuses());
            }
            if (response.status() >= 500) {
                failures.add(request + " → " + response.status() + " " + abbreviate(response.body()));
            } else if (response.status() >= 400) {
                if (!response.body().contains("\"type\":\"https://baton.dev/problems/")) {
                    failures.add(request + " → " + response.status() + " without a problem type: "
                            + abbreviate(response.body()));
                }
                if (!DatabaseWrites.tables(jdbc).equals(before)) {
                    failures.add(request + " → " + response.status() + " but the database changed");
                }
            }
        }

        assertThat(failures)
                .as("seed " + seed + " (repeat with -Dfuzz.seed=" + seed + "); statuses " + statuses)
                .isEmpty();
        assertThat(statuses.keySet())
                .as("the fuzzer also gets requests through")
                .contains(200);
    }

    private static String abbreviate(String text) {
        String shown = text.replaceAll("\\p{Cntrl}", "¿");
        return shown.length() > 300 ? shown.substring(0, 300) + "…(" + shown.length() + ")" : shown;
    }
}
