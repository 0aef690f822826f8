package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A person's whole history, built through the API, exported and then erased: after the erasure no column of any table
 * holds their email, names or phone, the other person's data is as it was, and every figure is the same to the byte.
 */
@TestPropertySource(properties = "baton.notifications.slack.webhook-url=http://127.0.0.1:9/slack")
class PersonalDataTest extends LeadScenarios {

    /** Each test's people have names of their own, so that no test finds another's. */
    private final String tag = letters();

    private final String first = "Henrietta" + tag;
    private final String last = "Quackenbush" + tag;
    private final String phone = "+1 555 0199 " + (100 + new java.util.Random().nextInt(900));
    private final String henriettaEmail = (first + "." + last + "@globex.example").toLowerCase(Locale.ROOT);
    private final String oswaldEmail = ("oswald.pemberton" + tag + "@initech.example");

    private long henrietta;
    private long oswald;

    private static String letters() {
        var random = new java.util.Random();
        var text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    @BeforeEach
    void twoPeopleWithAHistory() {
        henrietta = createLead(person(henriettaEmail, first, last, phone, "Globex"));
        oswald = createLead(person(oswaldEmail, "Oswald", "Pemberton" + tag, "+44 20 7946 0958", "Initech"));
        String visitor = "v-hq-" + tag;
        send(event(
                unique("e"),
                "\"visitorId\":\"" + visitor + "\"",
                "page_view",
                NOW.minusSeconds(3600),
                "{\"url\":\"/blog\"}"));
        engage(henrietta, henriettaEmail, first + " " + last);
        engage(oswald, oswaldEmail, "Oswald Pemberton" + tag);
        send(event(
                unique("e"), "\"leadId\":" + henrietta + ",\"visitorId\":\"" + visitor + "\"", "page_view", NOW, "{}"));
        assertThat(lead(henrietta).get("stage").asString()).isEqualTo("mql");
        assertThat(lead(oswald).get("stage").asString()).isEqualTo("mql");

        String rep = lead(henrietta).get("owner").asString();
        step(oswald, Duration.ofMinutes(20), "reject", """
                {"reasonCode":"NOT_ICP","note":"Oswald Pemberton%s is a student"}""".formatted(tag));
        step(henrietta, Duration.ofMinutes(30), "accept", "{}");
        step(henrietta, Duration.ofHours(1), "activities", """
                {"type":"call","rep":"%s","at":"%s","outcome":"connected",
                 "notes":"Spoke with %s %s, call her on %s"}""".formatted(
                        rep, NOW.plus(Duration.ofHours(1)), first, last, phone));
        step(henrietta, Duration.ofDays(2), "qualify", """
                {"bant":{"budget":"60k","authority":"%s signs","need":"reporting","timeline":"Q1"}}""".formatted(last));
        step(henrietta, Duration.ofDays(3), "opportunity", """
                {"amount":48000,"currency":"USD","expectedCloseDate":"2027-02-28"}""");
        step(henrietta, Duration.ofDays(10), "won", "{}");
        clock.set(NOW.plus(Duration.ofDays(20)));
    }

    private static String person(String email, String first, String last, String phone, String company) {
        String domain = email.substring(email.indexOf('@') + 1);
        return """
                {"email":"%s","firstName":"%s","lastName":"%s","title":"VP Marketing","phone":"%s",
                 "city":"Springfield","source":"webinar","campaign":"q4-launch","country":"US","externalId":"crm-%s",
                 "attributes":{"nickname":"%s"},
                 "company":{"name":"%s","domain":"%s","employees":200,"annualRevenue":20000000,
                            "industry":"SaaS","country":"US"}}
                """.formatted(email, first, last, phone, last, first, company, domain);
    }

    private void engage(long id, String email, String name) {
        Response sent = send(
                event(unique("e"), "\"leadId\":" + id, "form_submitted", NOW.minusSeconds(600), """
                        {"form":"demo","email":"%s","name":"%s"}""".formatted(
                                email, name)),
                event(unique("e"), "\"email\":\"" + email + "\"", "page_view", NOW.minusSeconds(300), """
                        {"url":"/pricing","utm_campaign":"q4-launch"}"""));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    }

    private void step(long id, Duration after, String command, String body) {
        clock.set(NOW.plus(after));
        Response response = postJson("/api/v1/leads/" + id + "/" + command, body);
        assertThat(response.status()).as(command + ": " + response.body()).isEqualTo(200);
    }

    private JsonNode export(String email) {
        Response response = get("/api/v1/personal-data?email=" + email);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void theExportHoldsEverythingAboutThePerson() {
        JsonNode export = export(henriettaEmail.toUpperCase(Locale.ROOT));

        assertThat(export.get("email").asString()).isEqualTo(henriettaEmail);
        JsonNode held = export.at("/leads/0");
        assertThat(held.get("id").asLong()).isEqualTo(henrietta);
        assertThat(held.get("erasedAt").isNull()).isTrue();
        assertThat(held.at("/lead/profile/lead.first_name").asString()).isEqualTo(first);
        assertThat(held.at("/lead/profile/lead.phone").asString()).isEqualTo(phone);
        assertThat(held.at("/lead/company/company.name").asString()).isEqualTo("Globex");
        assertThat(held.at("/lead/stage").asString()).isEqualTo("won");
        assertThat(held.at("/lead/scoreCard").isObject()).isTrue();
        assertThat(held.at("/lead/qualifiedAt").isString()).isTrue();
        assertThat(types(held.get("timeline")))
                .contains(
                        "LeadCreated",
                        "LeadQualified",
                        "LeadRouted",
                        "LeadAccepted",
                        "ActivityLogged",
                        "LeadSalesQualified",
                        "OpportunityOpened",
                        "OpportunityWon",
                        "VisitorIdentified");
        assertThat(held.at("/activities/0/data/notes").asString()).contains(first + " " + last);
        assertThat(held.get("events")
                        .valueStream()
                        .map(e -> e.path("properties").path("name").asString("")))
                .contains(first + " " + last);
        JsonNode records = held.get("records");
        assertThat(records.propertyNames()).containsAll(tablesWithALead());
        for (String table : List.of(
                "sla_clock",
                "sla_timer",
                "lead_response",
                "notification",
                "funnel_cycle",
                "campaign_touch",
                "lead_engagement",
                "company_claim")) {
            assertThat(records.get(table).isEmpty()).as(table).isFalse();
        }
        assertThat(records.at("/notification/0/body").isObject()).isTrue();
    }

    private List<String> secrets() {
        return List.of(henriettaEmail, first, last, phone, phone.substring(phone.length() - 8), "v-hq-" + tag);
    }

    private List<String> tablesWithALead() {
        return jdbc.sql("""
                        select c.table_name from information_schema.columns c join information_schema.tables t
                               using (table_schema, table_name)
                         where c.table_schema = 'public' and c.column_name = 'lead_id' and t.table_type = 'BASE TABLE'
                           and c.table_name not in ('lead_history', 'engagement_event')
                        """).query(String.class).list();
    }

    private static List<String> types(JsonNode timeline) {
        return timeline.valueStream().map(e -> e.get("type").asString()).toList();
    }

    @Test
    void anErasedPersonIsInNoColumnOfAnyTableAndEveryFigureStaysTheSame() {
        Map<String, String> figures = figures();
        String oswaldBefore = withoutTime(export(oswaldEmail));
        String oswaldLead = get("/api/v1/leads/" + oswald).body();
        assertThat(cellsHolding(secrets())).isNotEmpty();

        Response erased = postJson("/api/v1/personal-data/erasure", "{\"email\":\"" + henriettaEmail + "\"}");

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("leadIds").get(0).asLong()).isEqualTo(henrietta);
        assertThat(Instant.parse(erased.json().get("erasedAt").asString())).isEqualTo(clock.instant());
        assertThat(cellsHolding(secrets())).isEmpty();
        assertThat(figures()).isEqualTo(figures);
        assertThat(withoutTime(export(oswaldEmail))).isEqualTo(oswaldBefore);
        assertThat(get("/api/v1/leads/" + oswald).body()).isEqualTo(oswaldLead);
        assertThat(cellsHolding(List.of(oswaldEmail, "pemberton" + tag))).isNotEmpty();

        JsonNode lead = lead(henrietta);
        assertThat(lead.get("email").asString()).isEqualTo("erased-" + henrietta + "@erased.invalid");
        assertThat(lead.get("erasedAt").asString())
                .isEqualTo(erased.json().get("erasedAt").asString());
        assertThat(lead.get("stage").asString()).isEqualTo("won");
        assertThat(lead.get("profile").propertyNames())
                .containsExactlyInAnyOrder("lead.source", "lead.campaign", "lead.country");
        assertThat(lead.get("company").get("company.name").asString()).isEqualTo("Globex");
        assertThat(timelineTypes(henrietta)).contains("LeadQualified", "OpportunityWon");
    }

    @Test
    void anErasedOrUnknownPersonIsNotFound() {
        assertThat(postJson("/api/v1/personal-data/erasure", "{\"email\":\"" + henriettaEmail + "\"}")
                        .status())
                .isEqualTo(200);

        Response again = postJson("/api/v1/personal-data/erasure", "{\"email\":\"" + henriettaEmail + "\"}");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("type").asString()).isEqualTo("https://baton.dev/problems/not-found");
        assertThat(get("/api/v1/personal-data?email=" + henriettaEmail).status())
                .isEqualTo(404);
        assertThat(get("/api/v1/personal-data?email=nobody@nowhere.example").status())
                .isEqualTo(404);
        assertThat(postJson("/api/v1/personal-data/erasure", "{\"email\":\"nobody@nowhere.example\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aMissingOrWrongEmailIsRefusedNamingIt() {
        for (Response refused : List.of(
                get("/api/v1/personal-data"),
                get("/api/v1/personal-data?email="),
                get("/api/v1/personal-data?email=not-an-email"),
                postJson("/api/v1/personal-data/erasure", "{}"),
                postJson("/api/v1/personal-data/erasure", "{\"email\":\"  \"}"),
                postJson("/api/v1/personal-data/erasure", "{\"email\":\"henrietta@\"}"))) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("email");
        }
    }

    @Test
    void theHistoryStaysAppendOnlyOutsideAnErasure() {
        assertThatThrownBy(() -> jdbc.sql("update lead_history set actor = 'x' where lead_id = :lead")
                        .param("lead", oswald)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from lead_history where lead_id = :lead")
                        .param("lead", oswald)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("""
                        do $$ begin
                            perform set_config('baton.erasing', 'on', true);
                            delete from lead_history where lead_id = %d;
                        end $$""".formatted(oswald)).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("""
                        do $$ begin
                            perform set_config('baton.erasing', 'on', true);
                            update lead_history set type = 'Rewritten' where lead_id = %d;
                        end $$""".formatted(oswald)).update()).hasMessageContaining("append-only");
        assertThatThrownBy(
                        () -> jdbc.sql("update company_history set value = 'x'").update())
                .hasMessageContaining("append-only");
    }

    /** The answers of the funnel, the scorecard, the cohorts and every metric of the catalogue, by path. */
    private Map<String, String> figures() {
        var paths = new ArrayList<>(List.of(
                "/api/v1/funnel?from=2026-11-01&to=2026-12-31",
                "/api/v1/scorecard?from=2026-11-01&to=2026-12-31",
                "/api/v1/cohorts?from=2026-11-01&to=2026-12-31",
                "/api/v1/engagement?from=2026-11-01&to=2026-12-31",
                "/api/v1/funnel",
                "/api/v1/scorecard"));
        get("/api/v1/metrics").json().findValues("id").forEach(id -> {
            paths.add("/api/v1/metrics/" + id.asString() + "?from=2026-11-01&to=2026-12-31");
            paths.add("/api/v1/metrics/" + id.asString() + "?from=2026-11-01&to=2026-12-31&by=campaign");
        });
        var figures = new TreeMap<String, String>();
        for (String path : paths) {
            Response response = get(path);
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
            figures.put(path, response.body());
        }
        assertThat(figures).hasSizeGreaterThan(8);
        return figures;
    }

    private static String withoutTime(JsonNode export) {
        ((tools.jackson.databind.node.ObjectNode) export).remove("exportedAt");
        return export.toString();
    }

    /** Every cell of every table of the schema whose text holds one of the needles, any case: table.column = value. */
    private List<String> cellsHolding(List<String> needles) {
        var found = new ArrayList<String>();
        List<Map<String, Object>> columns = jdbc.sql("""
                        select c.table_name, c.column_name from information_schema.columns c
                          join information_schema.tables t using (table_schema, table_name)
                         where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                         order by 1, 2
                        """).query().listOfRows();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            for (String needle : needles) {
                jdbc.sql("select \"" + name + "\"::text as v from \"" + table + "\" where strpos(lower(\"" + name
                                + "\"::text), :needle) > 0")
                        .param("needle", needle.toLowerCase(Locale.ROOT))
                        .query(String.class)
                        .list()
                        .forEach(value -> found.add(table + "." + name + " = " + value));
            }
        }
        return found;
    }
}
