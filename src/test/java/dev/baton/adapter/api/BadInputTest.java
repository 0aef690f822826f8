package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.ApiEndpoints;
import dev.baton.testing.ApiEndpoints.Endpoint;
import dev.baton.testing.DatabaseWrites;
import dev.baton.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The bad input found from outside, each answered with a 4xx problem that names the field, and with nothing written:
 * NUL characters, times no database keeps, content types that name no one type, CSV no reader should take, and
 * messages that never speak of Java types.
 */
class BadInputTest extends IntegrationTest {

    private static final String REP = "alex.kim@northwind.example";
    private static final String NUL = "\\u0000";

    @Autowired
    JdbcClient jdbc;

    private long lead;

    @BeforeEach
    void aBatonWithALead() {
        clock.set(java.time.Instant.parse("2026-11-20T15:00:00Z"));
        activateExample("saas-north-america-europe.yaml");
        lead = postJson("/api/v1/leads", "{\"email\":\"dana@acme.example\"}")
                .json()
                .get("id")
                .asLong();
    }

    /** The request's answer, after checking that it is a 4xx problem and that the database is as it was. */
    private JsonNode refused(Supplier<Response> request) {
        Map<String, String> before = DatabaseWrites.tables(jdbc);
        Response response = request.get();
        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).startsWith("https://baton.dev/problems/");
        assertThat(DatabaseWrites.tables(jdbc)).as("nothing written").isEqualTo(before);
        assertThat(response.body()).doesNotContain("java.", "`");
        return response.json();
    }

    private static String field(JsonNode problem) {
        return problem.at("/errors/0/field").asString();
    }

    @ParameterizedTest(name = "NUL in {0}")
    @ValueSource(
            strings = {
                "{\"email\":\"x@acme.example\",\"firstName\":\"a%sb\"}|firstName",
                "{\"email\":\"x@acme.example\",\"company\":{\"name\":\"a%sb\"}}|company.name",
                "{\"email\":\"x@acme.example\",\"attributes\":{\"seats\":\"4%s\"}}|attributes.seats",
                "{\"email\":\"x@acme.example\",\"attributes\":{\"se%sats\":\"4\"}}|attributes",
                "{\"email\":\"x@acme.example\",\"title\":\"%s\"}|title",
                "{\"email\":\"x@acme.example\",\"utm\":{\"source\":\"%s\"}}|utm.source"
            })
    void aNulCharacterInALeadIsRefusedNamingTheField(String caseAndField) {
        String[] parts = caseAndField.split("\\|");
        JsonNode problem = refused(() -> postJson("/api/v1/leads", parts[0].formatted(NUL)));

        assertThat(field(problem)).startsWith(parts[1]);
        assertThat(problem.get("detail").asString()).contains("NUL");
    }

    @Test
    void aNulCharacterAnywhereInAnEventIsRefusedNamingTheField() {
        String event = "{\"eventId\":\"%s\",\"email\":\"dana@acme.example\",\"type\":\"page_view\","
                + "\"occurredAt\":\"2026-11-20T14:00:00Z\",\"properties\":{%s}}";
        List<String[]> cases = List.of(
                new String[] {event.formatted("e" + NUL, "\"url\":\"/x\""), "events[0].eventId"},
                new String[] {event.formatted("e1", "\"url\":\"/x" + NUL + "\""), "events[0].properties.url"},
                new String[] {event.formatted("e1", "\"u" + NUL + "rl\":\"/x\""), "events[0].properties"});
        for (String[] c : cases) {
            JsonNode problem = refused(() -> postJson("/api/v1/events", "{\"events\":[" + c[0] + "]}"));
            assertThat(field(problem)).startsWith(c[1]);
        }
        JsonNode type = refused(() -> postJson(
                "/api/v1/events",
                "{\"events\":[" + event.formatted("e2", "").replace("page_view", "page" + NUL) + "]}"));
        assertThat(field(type)).startsWith("events[0]");
    }

    @Test
    void aNulCharacterInASeatOrAnAbsenceIsRefusedNamingTheField() {
        JsonNode slack = refused(() -> postJson(
                "/api/v1/teams/na-mid-market/members",
                "{\"rep\":\"new@northwind.example\",\"slack\":\"U1" + NUL + "\"}"));
        JsonNode note = refused(() -> postJson(
                "/api/v1/reps/" + REP + "/absences",
                "{\"from\":\"2026-11-21T00:00:00Z\",\"until\":\"2026-11-22T00:00:00Z\",\"note\":\"a" + NUL + "\"}"));
        JsonNode query = refused(() -> post("/api/v1/agreements?author=a%00b", "application/yaml", "agreement: x"));

        assertThat(field(slack)).isEqualTo("slack");
        assertThat(field(note)).isEqualTo("note");
        assertThat(field(query)).isEqualTo("author");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "0000-01-01T00:00:00Z",
                "-4714-11-24T00:00:00Z",
                "+294277-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59Z",
                "-999999999-01-01T00:00:00Z",
                "1899-12-31T23:59:59Z"
            })
    void aTimeNoDatabaseKeepsIsRefusedNamingTheField(String time) {
        JsonNode event = refused(() -> postJson(
                "/api/v1/events",
                "{\"events\":[{\"eventId\":\"old\",\"email\":\"dana@acme.example\",\"type\":\"page_view\","
                        + "\"occurredAt\":\"" + time + "\"}]}"));
        JsonNode from = refused(() -> postJson(
                "/api/v1/reps/" + REP + "/absences", "{\"from\":\"" + time + "\",\"until\":\"2026-11-22T00:00:00Z\"}"));
        JsonNode until = refused(() -> postJson(
                "/api/v1/reps/" + REP + "/absences", "{\"from\":\"2026-11-21T00:00:00Z\",\"until\":\"" + time + "\"}"));
        JsonNode touch = refused(() -> postJson(
                "/api/v1/leads/" + lead + "/activities",
                "{\"type\":\"call\",\"at\":\"" + time + "\",\"rep\":\"" + REP + "\"}"));

        assertThat(field(event)).isEqualTo("events[0].occurredAt");
        assertThat(event.get("detail").asString()).contains("1900-01-01 and 9999-12-31");
        assertThat(field(from)).isEqualTo("from");
        assertThat(field(until)).isEqualTo("until");
        assertThat(field(touch)).isEqualTo("at");
    }

    @Test
    void aDateOrAnAmountNoColumnKeepsIsRefusedNamingTheField() {
        long sql = qualifiedToSql();
        JsonNode date = refused(() -> postJson(
                "/api/v1/leads/" + sql + "/opportunity",
                "{\"amount\":48000,\"currency\":\"USD\",\"expectedCloseDate\":\"0000-02-28\"}"));
        JsonNode amount = refused(() -> postJson(
                "/api/v1/leads/" + sql + "/opportunity",
                "{\"amount\":1e999999,\"currency\":\"USD\",\"expectedCloseDate\":\"2027-02-28\"}"));
        JsonNode revenue = refused(
                () -> postJson("/api/v1/leads", "{\"email\":\"x@acme.example\",\"company\":{\"annualRevenue\":1e20}}"));

        assertThat(field(date)).isEqualTo("expectedCloseDate");
        assertThat(field(amount)).isEqualTo("amount");
        assertThat(field(revenue)).isEqualTo("company.annualRevenue");
    }

    private long qualifiedToSql() {
        long id = postJson("/api/v1/leads", """
                        {"email":"vp@initech.example","title":"VP Marketing",
                         "company":{"name":"Initech","employees":200,"annualRevenue":20000000,"industry":"SaaS",
                                    "country":"US"}}""").json().get("id").asLong();
        postJson("/api/v1/events", """
                {"events":[{"eventId":"d1","leadId":%1$d,"type":"form_submitted","occurredAt":"2026-11-20T14:50:00Z",
                            "properties":{"form":"demo"}},
                           {"eventId":"d2","leadId":%1$d,"type":"page_view","occurredAt":"2026-11-20T14:55:00Z",
                            "properties":{"url":"/pricing"}}]}""".formatted(id));
        postJson("/api/v1/leads/" + id + "/accept", "{}");
        Response sql = postJson(
                "/api/v1/leads/" + id + "/qualify",
                "{\"bant\":{\"budget\":\"60k\",\"authority\":\"VP\",\"need\":\"x\",\"timeline\":\"Q1\"}}");
        assertThat(sql.json().get("stage").asString()).as(sql.body()).isEqualTo("sql");
        return id;
    }

    @ParameterizedTest(name = "Content-Type {0}")
    @ValueSource(strings = {"multipart/form-data", "*/*", "application/*", "application/x-www-form-urlencoded"})
    void everyPostAndPutRefusesAContentTypeThatNamesNoOneMediaType(String contentType) {
        var answers = new ArrayList<String>();
        for (Endpoint endpoint : ApiEndpoints.of(get("/api/openapi").json())) {
            if (!endpoint.takesBody()) {
                continue;
            }
            String path = endpoint.path((template, variable) -> switch (variable) {
                case "rep" -> REP;
                case "team" -> "na-mid-market";
                case "kind" -> "leads";
                default -> variable.equals("id") ? Long.toString(lead) : "1";
            });
            // as someone who may do everything, so that the type, not a role, is what refuses
            tokenOf("everyone@x.example", "admin", "revops", "marketing", "sales_manager", "rep");
            as("everyone@x.example", "GET", "/api/v1/me", null); // its first use notes when it was used
            JsonNode problem = refused(() -> as("everyone@x.example", endpoint.method(), path, contentType, "{}"));
            answers.add(endpoint + " " + problem.get("status").asInt());
        }

        assertThat(answers).hasSizeGreaterThan(20).allMatch(a -> a.endsWith(" 415"));
    }

    @Test
    void aBodyOfAnUnsupportedTypeGetsAProblemWithAType() {
        JsonNode problem = refused(() -> post("/api/v1/leads", "text/xml", "<lead/>"));
        JsonNode xml =
                refused(() -> post("/api/v1/leads", "application/xml", "<lead><email>x@acme.example</email></lead>"));

        assertThat(problem.get("status").asInt()).isEqualTo(415);
        assertThat(problem.get("type").asString()).isEqualTo("https://baton.dev/problems/unsupported-media-type");
        assertThat(xml.get("status").asInt()).isEqualTo(415);
    }

    @Test
    void aJsonBodySentAsYamlIsRefusedRatherThanReadPastTheJsonChecks() {
        // YAML reads JSON too; read that way, a NUL in a name went past the checks and broke the database write
        JsonNode problem = refused(() ->
                post("/api/v1/leads", "application/yaml", "{\"email\":\"nul@acme.example\",\"lastName\":\"\\u0000\"}"));

        assertThat(problem.get("status").asInt()).isEqualTo(415);
        assertThat(jdbc.sql("select count(*) from lead where email = 'nul@acme.example'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aClientAskingForXmlIsToldTheApiSpeaksJson() {
        Response answer = send(
                java.net.http.HttpRequest.newBuilder(uri("/api/v1/leads/" + lead))
                        .header("Accept", "application/xml")
                        .GET(),
                true);

        assertThat(answer.status()).isEqualTo(406);
        assertThat(answer.body()).doesNotStartWith("<");
    }

    @Test
    void aValueOfTheWrongKindIsNamedInWordsNotJavaTypes() {
        JsonNode employees = refused(
                () -> postJson("/api/v1/leads", "{\"email\":\"x@acme.example\",\"company\":{\"employees\":\"lots\"}}"));
        JsonNode active = refused(() -> put("/api/v1/reps/" + REP + "/active", "{\"active\":\"sometimes\"}"));
        JsonNode events = refused(() -> postJson("/api/v1/events", "{\"events\":\"all of them\"}"));
        JsonNode body = refused(() -> postJson("/api/v1/leads", "[1,2,3]"));

        assertThat(employees.get("detail").asString())
                .isEqualTo("field 'company.employees' must be a whole number, not \"lots\"");
        assertThat(field(active)).isEqualTo("active");
        assertThat(active.get("detail").asString()).contains("true or false");
        assertThat(events.get("detail").asString()).contains("field 'events' must be a list");
        assertThat(body.get("detail").asString()).isEqualTo("the body must be an object");
    }

    @Test
    void anUnreadableTimeNamesItsField() {
        JsonNode problem = refused(() -> postJson(
                "/api/v1/events",
                "{\"events\":[{\"eventId\":\"e\",\"email\":\"dana@acme.example\",\"type\":\"page_view\","
                        + "\"occurredAt\":\"yesterday\"}]}"));

        assertThat(field(problem)).isEqualTo("events[0].occurredAt");
        assertThat(problem.get("detail").asString())
                .isEqualTo("field 'events[0].occurredAt' must be a time like 2026-11-20T15:00:00Z, not \"yesterday\"");
    }

    @Test
    void anInvalidEventTypeIsCalledInvalidAndAMissingOneRequired() {
        String event = "{\"eventId\":\"e\",\"email\":\"dana@acme.example\",%s\"occurredAt\":\"2026-11-20T14:00:00Z\"}";
        JsonNode invalid = refused(
                () -> postJson("/api/v1/events", "{\"events\":[" + event.formatted("\"type\":\"Page View\",") + "]}"));
        JsonNode missing = refused(() -> postJson("/api/v1/events", "{\"events\":[" + event.formatted("") + "]}"));

        assertThat(invalid.get("detail").asString()).contains("'Page View' is not a valid event type");
        assertThat(missing.get("detail").asString()).contains("events[0].type is required");
    }

    @Test
    void aCsvHeaderOfTwentyThousandColumnsIsRefusedAtLineOne() {
        var header = new StringBuilder("email");
        for (int i = 1; i < 20_000; i++) {
            header.append(",attr_c").append(i);
        }
        JsonNode problem = refused(() -> post("/api/v1/imports/leads", "text/csv", header + "\nx@acme.example\n"));

        assertThat(problem.at("/errors/0/line").asInt()).isEqualTo(1);
        assertThat(problem.at("/errors/0/message").asString())
                .contains("more than 16384 columns; an import takes at most 500");
    }

    @Test
    void aCsvHeaderWiderThanAnyImportIsRefusedAtLineOne() {
        var header = new StringBuilder("email");
        for (int i = 1; i < 2_000; i++) {
            header.append(",attr_c").append(i);
        }
        JsonNode problem = refused(() -> post("/api/v1/imports/leads", "text/csv", header + "\nx@acme.example\n"));

        assertThat(problem.at("/errors/0/message").asString())
                .isEqualTo("the header has 2000 columns; an import takes at most 500");
        assertThat(problem.get("errorCount").asInt()).isEqualTo(1);
    }

    @Test
    void aCsvCellWithANulCharacterIsRefusedAtItsLineAndColumn() {
        JsonNode problem = refused(
                () -> post("/api/v1/imports/leads", "text/csv", "email,first_name\nx@acme.example,A\u0000na\n"));

        assertThat(problem.at("/errors/0/line").asInt()).isEqualTo(2);
        assertThat(problem.at("/errors/0/column").asInt()).isEqualTo(2);
        assertThat(problem.at("/errors/0/message").asString()).contains("NUL");
    }

    @Test
    void aCsvFileThatIsNotUtf8IsRefusedAtTheLineWhereItStopsBeing() {
        byte[] latin1 =
                "email,first_name\nx@acme.example,Jos\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        JsonNode problem = refused(() -> postBytes("/api/v1/imports/leads", "text/csv", latin1));

        assertThat(problem.at("/errors/0/message").asString()).contains("not UTF-8");
    }
}
