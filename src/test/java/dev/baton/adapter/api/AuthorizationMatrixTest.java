package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.ApiEndpoints;
import dev.baton.testing.ApiEndpoints.Endpoint;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint of the API × every role, and without credentials, with a wrong token, a revoked one and an expired
 * one: the answer is the one the matrix below says. The lead the lead commands name is owned by a rep of the
 * na-mid-market team; the sales manager is that team's manager, the rep is a rep of another team.
 */
class AuthorizationMatrixTest extends LeadScenarios {

    /**
     * A: passes the access check (whatever the endpoint then answers: 200, 400 for the deliberately incomplete body,
     * 404, 409); F: refused with 403; U: refused with 401.
     */
    private static final String MATRIX = """
            #                                                  admin revops marketing manager rep  none wrong revoked expired
            GET    /api/v1/me                                  A     A      A         A       A    U    U     U       U
            GET    /api/v1/funnel                              A     A      A         A       A    U    U     U       U
            GET    /api/v1/scorecard                           A     A      A         A       A    U    U     U       U
            GET    /api/v1/funnel-audit                        A     A      A         A       A    U    U     U       U
            GET    /api/v1/cohorts                             A     A      A         A       A    U    U     U       U
            GET    /api/v1/engagement                          A     A      A         A       A    U    U     U       U
            GET    /api/v1/plan                                A     A      A         A       A    U    U     U       U
            GET    /api/v1/metrics                             A     A      A         A       A    U    U     U       U
            GET    /api/v1/metrics/{id}                        A     A      A         A       A    U    U     U       U
            GET    /api/v1/spend                               A     A      A         A       A    U    U     U       U
            GET    /api/v1/leads                               A     A      A         A       A    U    U     U       U
            GET    /api/v1/leads/{id}                          A     A      A         A       A    U    U     U       U
            GET    /api/v1/leads/{id}/timeline                 A     A      A         A       A    U    U     U       U
            GET    /api/v1/leads/{id}/handoff                  A     A      A         A       A    U    U     U       U
            GET    /api/v1/leads/{id}/events                   A     A      A         A       A    U    U     U       U
            GET    /api/v1/companies                           A     A      A         A       A    U    U     U       U
            GET    /api/v1/companies/{id}                      A     A      A         A       A    U    U     U       U
            GET    /api/v1/companies/{id}/history              A     A      A         A       A    U    U     U       U
            GET    /api/v1/agreements                          A     A      A         A       A    U    U     U       U
            GET    /api/v1/agreements/active                   A     A      A         A       A    U    U     U       U
            GET    /api/v1/agreements/{number}                 A     A      A         A       A    U    U     U       U
            GET    /api/v1/agreements/{number}/source          A     A      A         A       A    U    U     U       U
            GET    /api/v1/agreements/{from}/diff/{to}         A     A      A         A       A    U    U     U       U
            GET    /api/v1/agreements/{number}/simulations     A     A      A         A       A    U    U     U       U
            GET    /api/v1/simulations/{id}                    A     A      A         A       A    U    U     U       U
            GET    /api/v1/rescoring                           A     A      A         A       A    U    U     U       U
            GET    /api/v1/rescoring/{id}                      A     A      A         A       A    U    U     U       U
            GET    /api/v1/reviews                             A     A      A         A       A    U    U     U       U
            GET    /api/v1/reviews/{id}                        A     A      A         A       A    U    U     U       U
            GET    /api/v1/teams                               A     A      A         A       A    U    U     U       U
            GET    /api/v1/exports/leads                       A     A      A         F       F    U    U     U       U
            GET    /api/v1/notifications                       A     A      A         F       F    U    U     U       U
            GET    /api/v1/notifications/{id}                  A     A      A         F       F    U    U     U       U
            GET    /api/v1/users                               A     F      F         F       F    U    U     U       U
            GET    /api/v1/users/{id}                          A     F      F         F       F    U    U     U       U
            GET    /api/v1/tokens                              A     F      F         F       F    U    U     U       U
            GET    /api/v1/tokens/{id}                         A     F      F         F       F    U    U     U       U
            GET    /api/v1/audit                               A     F      F         F       F    U    U     U       U
            GET    /api/v1/personal-data                       A     F      F         F       F    U    U     U       U
            POST   /api/v1/events                              A     A      A         F       F    U    U     U       U
            POST   /api/v1/leads                               A     A      A         F       F    U    U     U       U
            POST   /api/v1/imports/{kind}                      A     A      A         F       F    U    U     U       U
            POST   /api/v1/leads/{id}/accept                   A     A      F         A       F    U    U     U       U
            POST   /api/v1/leads/{id}/reject                   A     A      F         A       F    U    U     U       U
            POST   /api/v1/leads/{id}/qualify                  A     A      F         A       F    U    U     U       U
            POST   /api/v1/leads/{id}/nurture                  A     A      F         A       F    U    U     U       U
            POST   /api/v1/leads/{id}/recycle                  A     A      F         A       F    U    U     U       U
            POST   /api/v1/leads/{id}/disqualify               A     A      F         A       F    U    U     U       U
            POST   /api/v1/leads/{id}/opportunity              A     A      F         A       F    U    U     U       U
            POST   /api/v1/leads/{id}/won                      A     A      F         A       F    U    U     U       U
            POST   /api/v1/leads/{id}/lost                     A     A      F         A       F    U    U     U       U
            POST   /api/v1/leads/{id}/activities               A     A      F         A       F    U    U     U       U
            POST   /api/v1/leads/{id}/reassign                 A     A      F         A       F    U    U     U       U
            PATCH  /api/v1/companies/{id}                      A     A      A         F       F    U    U     U       U
            POST   /api/v1/agreements                          F     A      A         A       F    U    U     U       U
            POST   /api/v1/agreements/validate                 A     A      A         A       A    U    U     U       U
            POST   /api/v1/agreements/{number}/approvals       F     F      A         F       F    U    U     U       U
            POST   /api/v1/agreements/{number}/activation      A     A      F         F       F    U    U     U       U
            POST   /api/v1/agreements/{number}/simulations     F     A      A         A       F    U    U     U       U
            POST   /api/v1/simulations                         F     A      A         A       F    U    U     U       U
            POST   /api/v1/reviews                             A     A      A         A       F    U    U     U       U
            POST   /api/v1/reviews/{id}/close                  A     A      A         A       F    U    U     U       U
            POST   /api/v1/notifications/{id}/retry            A     A      F         F       F    U    U     U       U
            POST   /api/v1/teams/{team}/members                A     F      F         F       F    U    U     U       U
            DELETE /api/v1/teams/{team}/members/{rep}          A     F      F         F       F    U    U     U       U
            PUT    /api/v1/reps/{rep}/active                   A     A      F         A       F    U    U     U       U
            POST   /api/v1/reps/{rep}/absences                 A     A      F         A       F    U    U     U       U
            DELETE /api/v1/reps/{rep}/absences/{id}            A     A      F         A       F    U    U     U       U
            POST   /api/v1/reps/{rep}/reassign                 A     A      F         A       F    U    U     U       U
            POST   /api/v1/users                               A     F      F         F       F    U    U     U       U
            PATCH  /api/v1/users/{id}                          A     F      F         F       F    U    U     U       U
            POST   /api/v1/tokens                              A     F      F         F       F    U    U     U       U
            DELETE /api/v1/tokens/{id}                         A     F      F         F       F    U    U     U       U
            POST   /api/v1/personal-data/erasure               A     F      F         F       F    U    U     U       U
            """;

    private static final List<String> COLUMNS =
            List.of("admin", "revops", "marketing", "manager", "rep", "none", "wrong", "revoked", "expired");

    private static final String MANAGER = "jordan.lee@northwind.example";
    private static final String OTHER_TEAMS_REP = "sofia.rossi@northwind.example";

    /** What each request sends: enough to reach the access check, never enough to change who owns the lead. */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("POST /api/v1/leads/{id}/reject", "{\"reasonCode\":\"NOT_A_CODE\"}"),
            Map.entry("POST /api/v1/leads/{id}/nurture", "{\"reasonCode\":\"NOT_A_CODE\"}"),
            Map.entry("POST /api/v1/leads/{id}/recycle", "{\"reasonCode\":\"NOT_A_CODE\"}"),
            Map.entry("POST /api/v1/leads/{id}/disqualify", "{\"reasonCode\":\"NOT_A_CODE\"}"),
            Map.entry("POST /api/v1/agreements/{number}/approvals", "{\"side\":\"marketing\"}"),
            Map.entry("PATCH /api/v1/users/{id}", "{\"name\":\"Renamed\"}"),
            Map.entry(
                    "POST /api/v1/tokens", "{\"name\":\"made\",\"owner\":\"spare@x.example\",\"scopes\":[\"read\"]}"));

    private record Row(String method, String template, Map<String, Character> expected) {
        String key() {
            return method + " " + template;
        }
    }

    private static List<Row> matrix() {
        var rows = new ArrayList<Row>();
        for (String line : MATRIX.strip().split("\n")) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            String[] cells = line.strip().split("\\s+");
            var expected = new LinkedHashMap<String, Character>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                expected.put(COLUMNS.get(i), cells[i + 2].charAt(0));
            }
            rows.add(new Row(cells[0], cells[1], expected));
        }
        return rows;
    }

    private long lead;
    private String owner;
    private final Map<String, String> values = new LinkedHashMap<>();

    private Map<String, String> credentials() {
        String spare = postJson(
                        "/api/v1/tokens", "{\"name\":\"spare\",\"owner\":\"spare@x.example\",\"scopes\":[\"read\"]}")
                .json()
                .at("/details/id")
                .asString();
        values.put("token", spare);
        String revoked = token("revoked@x.example", "admin", null);
        long revokedId = get("/api/v1/tokens")
                .json()
                .valueStream()
                .filter(t -> t.get("owner").asString().equals("revoked@x.example"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        assertThat(delete("/api/v1/tokens/" + revokedId).status()).isEqualTo(200);
        String expired = token("expired@x.example", "admin", clock.instant().plus(Duration.ofHours(1)));
        var credentials = new LinkedHashMap<String, String>();
        credentials.put("admin", tokenOf("admin@x.example", "admin"));
        credentials.put("revops", tokenOf("revops@x.example", "revops"));
        credentials.put("marketing", tokenOf(MARKETER));
        credentials.put("manager", tokenOf(MANAGER, "sales_manager"));
        credentials.put("rep", tokenOf(OTHER_TEAMS_REP, "rep"));
        credentials.put("wrong", "baton_0123456789ab_" + "x".repeat(43));
        credentials.put("revoked", revoked);
        credentials.put("expired", expired);
        clock.advance(Duration.ofHours(2));
        return credentials;
    }

    /** A token with every scope for a new user holding one role, expiring when given. */
    private String token(String email, String role, java.time.Instant expires) {
        postJson("/api/v1/users", "{\"email\":\"" + email + "\",\"roles\":[\"" + role + "\"]}");
        Response made = postJson(
                "/api/v1/tokens",
                "{\"name\":\"t\",\"owner\":\"" + email + "\",\"scopes\":[\"ingest\",\"read\",\"write\",\"admin\"]"
                        + (expires == null ? "" : ",\"expiresAt\":\"" + expires + "\"") + "}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("token").asString();
    }

    private String value(String template, String variable) {
        return switch (variable) {
            case "id" ->
                template.startsWith("/api/v1/metrics")
                        ? "mql-to-sql"
                        : template.startsWith("/api/v1/users")
                                ? values.get("user")
                                : template.startsWith("/api/v1/tokens")
                                        ? values.get("token")
                                        : template.startsWith("/api/v1/companies")
                                                ? values.get("company")
                                                : template.startsWith("/api/v1/leads") ? Long.toString(lead) : "999999";
            case "number", "from", "to" -> Integer.toString(version);
            case "team" -> "na-mid-market";
            // a rep of the lead owner's team who owns nothing: moving their leads moves none
            case "rep" -> template.startsWith("/api/v1/teams") ? "nobody@northwind.example" : values.get("teammate");
            case "kind" -> "leads";
            default -> throw new IllegalArgumentException("no value for {" + variable + "} in " + template);
        };
    }

    private HttpRequest.Builder request(Endpoint endpoint) {
        String path = endpoint.path(this::value);
        String type = endpoint.bodyTypes().isEmpty()
                ? "application/json"
                : endpoint.bodyTypes().get(0);
        String body = switch (type) {
            case "text/csv" -> "email\n";
            case "application/yaml" -> "agreement: [\n";
            default -> BODIES.getOrDefault(endpoint.toString(), "{}");
        };
        if (endpoint.template().equals("/api/v1/imports/{kind}")) {
            path += "?dryRun=true";
        }
        if (endpoint.template().equals("/api/v1/personal-data")) {
            path += "?email=nobody%40acme.example";
        }
        var builder = HttpRequest.newBuilder(uri(path));
        if (endpoint.takesBody()) {
            builder.header("Content-Type", type).method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body));
        } else {
            builder.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder;
    }

    @Test
    void everyEndpointAnswersEveryRoleAndCredentialAsTheMatrixSays() {
        lead = qualifiedLead();
        owner = lead(lead).get("owner").asString();
        assertThat(owner).endsWith("@northwind.example").isNotEqualTo(OTHER_TEAMS_REP);
        values.put("teammate", teammateOf(owner));
        values.put(
                "company", get("/api/v1/leads/" + lead).json().path("companyId").asString(""));
        postJson("/api/v1/users", "{\"email\":\"spare@x.example\",\"roles\":[\"rep\"]}");
        values.put(
                "user",
                get("/api/v1/users")
                        .json()
                        .valueStream()
                        .filter(u -> u.get("email").asString().equals("spare@x.example"))
                        .findFirst()
                        .orElseThrow()
                        .get("id")
                        .asString());
        if (values.get("company").isEmpty()) {
            values.put(
                    "company",
                    get("/api/v1/companies").json().at("/companies/0/id").asString());
        }
        Map<String, String> credentials = credentials();

        List<Row> rows = matrix();
        List<Endpoint> endpoints = ApiEndpoints.of(get("/api/openapi").json());
        Set<String> documented = new TreeSet<>();
        endpoints.forEach(e -> documented.add(e.toString()));
        Set<String> inMatrix = new TreeSet<>();
        rows.forEach(r -> inMatrix.add(r.key()));
        assertThat(inMatrix)
                .as("the matrix has a row for every endpoint, and only those")
                .isEqualTo(documented);

        var wrong = new ArrayList<String>();
        for (Row row : rows) {
            Endpoint endpoint = endpoints.stream()
                    .filter(e -> e.toString().equals(row.key()))
                    .findFirst()
                    .orElseThrow();
            for (String column : COLUMNS) {
                HttpRequest.Builder request = request(endpoint);
                Response response =
                        column.equals("none") ? send(request, false) : sendWith(credentials.get(column), request);
                char got = response.status() == 401 ? 'U' : response.status() == 403 ? 'F' : 'A';
                if (got != row.expected().get(column)) {
                    wrong.add(row.key() + " as " + column + ": expected "
                            + row.expected().get(column) + ", got " + response.status() + " " + response.body());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(lead(lead).get("owner").asString())
                .as("nothing the matrix sent moved the lead")
                .isEqualTo(owner);
    }

    /** Another rep of the owner's team. */
    private String teammateOf(String rep) {
        for (JsonNode team : get("/api/v1/teams").json()) {
            List<String> members = team.get("members")
                    .valueStream()
                    .map(m -> m.get("rep").asString())
                    .toList();
            if (members.contains(rep)) {
                return members.stream().filter(m -> !m.equals(rep)).findFirst().orElseThrow();
            }
        }
        throw new IllegalStateException(rep + " is in no team");
    }
}
