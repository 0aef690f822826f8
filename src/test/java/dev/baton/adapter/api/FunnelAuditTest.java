package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.audit.FunnelAudit;
import dev.baton.testing.Fixtures;
import dev.baton.testing.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The funnel audit over a history imported as a CRM would send it: first a clean one, on which every check comes out
 * clean, then the same with defects planted in known numbers, each found with its exact count. The clock stands at
 * 2026-11-02T14:00Z; the first example's first touch is due within 24 hours of qualifying.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FunnelAuditTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    /** Each field the first example's rules read, as a leads file names it, with a value it accepts. */
    private static final Map<String, String> FIELDS = fields();

    private static Map<String, String> fields() {
        var values = new java.util.LinkedHashMap<String, String>();
        for (String field : FunnelAudit.fieldsNeeded(Fixtures.saasAgreement())) {
            String column = field.startsWith("lead.attributes.")
                    ? "attr_" + field.substring("lead.attributes.".length())
                    : field.startsWith("lead.") ? field.substring("lead.".length()) : field.replace('.', '_');
            values.put(
                    column,
                    switch (field) {
                        case "company.country", "lead.country" -> "US";
                        case "company.industry" -> "SaaS";
                        case "lead.title" -> "VP Marketing";
                        case "company.employees" -> "200";
                        case "company.annual_revenue", "lead.estimated_deal_size" -> "20000000";
                        default -> field.replace('.', '-');
                    });
        }
        // the name and the domain say which company a lead is at; the tests set them per lead
        values.remove("company_domain");
        values.remove("company_name");
        return values;
    }

    /** A leads file: each row an email, its company's name and domain, its source, and fields left out. */
    private Response leads(String... rows) {
        var header = new StringBuilder("email,company_name,company_domain,source");
        FIELDS.keySet().forEach(column -> header.append(',').append(column));
        var csv = new StringBuilder(header).append('\n');
        for (String row : rows) {
            String[] parts = row.split("\\|", -1);
            var without = List.of(parts.length > 4 ? parts[4].split(" ") : new String[0]);
            csv.append(parts[0])
                    .append(',')
                    .append(parts[1])
                    .append(',')
                    .append(parts[2])
                    .append(',')
                    .append(parts[3]);
            FIELDS.forEach((column, value) -> csv.append(',').append(without.contains(column) ? "" : value));
            csv.append('\n');
        }
        return post("/api/v1/imports/leads", "text/csv", csv.toString());
    }

    private Response imported(String kind, String csv) {
        Response response = post("/api/v1/imports/" + kind + "?historyOnly=true", "text/csv", csv);
        assertThat(response.status()).as(kind + ": " + response.body()).isEqualTo(200);
        return response;
    }

    /** A lead qualified, touched an hour later and accepted, on a day of October. */
    private static String touchedMql(String email, int day) {
        return "%1$s,mql,2026-10-%2$02dT14:00:00Z,crm,\n%1$s,accepted,2026-10-%2$02dT16:00:00Z,rep,\n"
                .formatted(email, day);
    }

    private static String touch(String email, int day, int hour) {
        return "%s,call,2026-10-%02dT%02d:00:00Z,alex@x.example,connected,\n".formatted(email, day, hour);
    }

    private Map<String, JsonNode> findings() {
        JsonNode audit = get("/api/v1/funnel-audit").json();
        var byCheck = new HashMap<String, JsonNode>();
        audit.path("findings")
                .valueStream()
                .forEach(f -> byCheck.put(f.path("check").asString(), f));
        return byCheck;
    }

    private long leadId(String email) {
        return jdbc.sql("select id from lead where email = :email")
                .param("email", email)
                .query(Long.class)
                .single();
    }

    @Test
    @Order(1)
    void aCleanHistoryHasNoFinding() {
        activateExample(Fixtures.SAAS);
        Response clean = leads(
                "c1@clean-one.example|Clean One|clean-one.example|webinar",
                "c2@clean-two.example|Clean Two|clean-two.example|webinar",
                "c3@clean-three.example|Clean Three|clean-three.example|paid-search",
                "c4@clean-four.example|Clean Four|clean-four.example|webinar",
                "c5@clean-five.example|Clean Five|clean-five.example|webinar");
        assertThat(clean.status()).as(clean.body()).isEqualTo(200);
        imported(
                "stage-changes",
                "email,stage,at,actor,reason_code\n"
                        + touchedMql("c1@clean-one.example", 5)
                        + "c1@clean-one.example,sql,2026-10-06T14:00:00Z,rep,\n"
                        + touchedMql("c2@clean-two.example", 6)
                        + "c2@clean-two.example,sql,2026-10-07T14:00:00Z,rep,\n"
                        + "c3@clean-three.example,mql,2026-10-07T14:00:00Z,crm,\n"
                        + "c3@clean-three.example,rejected,2026-10-07T18:00:00Z,rep,NOT_ICP\n"
                        + touchedMql("c4@clean-four.example", 8));
        imported(
                "activities",
                "email,type,at,rep,outcome,notes\n"
                        + touch("c1@clean-one.example", 5, 15)
                        + touch("c2@clean-two.example", 6, 15)
                        + touch("c3@clean-three.example", 7, 15)
                        + touch("c4@clean-four.example", 8, 15));
        imported("opportunities", """
                email,amount,currency,expected_close_date,opened_at,opened_by,status,closed_at,closed_by
                c1@clean-one.example,10000,USD,2026-10-30,2026-10-07T14:00:00Z,rep,won,2026-10-20T14:00:00Z,rep
                c2@clean-two.example,5000,USD,2026-10-30,2026-10-08T14:00:00Z,rep,open,,
                """);

        JsonNode audit = get("/api/v1/funnel-audit").json();

        assertThat(audit.path("findings").valueStream().map(f -> f.path("check").asString() + " " + f))
                .isEmpty();
        assertThat(audit.path("clean").valueStream().map(JsonNode::asString))
                .contains("duplicate-leads", "untouched-mqls", "late-touches", "won-without-sql")
                .contains("missing-company.industry-at-mql");
        assertThat(audit.path("summary").asString()).startsWith("No finding");
        assertThat(audit.path("mqls").asLong()).isEqualTo(4);
    }

    @Test
    @Order(2)
    void eachPlantedDefectIsFoundWithItsExactCount() {
        Response planted = leads(
                // three leads beyond the first of their person: a +tag, and Gmail's dots and alias
                "pat@dupont.example|Dupont Studio|dupont.example|webinar",
                "pat+news@dupont.example|Dupont Studio|dupont.example|webinar",
                "jo.ann.smith@gmail.com|Smithworks|smithworks.example|webinar",
                "joannsmith@gmail.com|Smithworks|smithworks.example|webinar",
                "jo.annsmith+x@googlemail.com|Smithworks|smithworks.example|webinar",
                // one company twice by domain, one twice by name
                "a@initech.example|Initech|initech.example|webinar",
                "b@www.initech.example|Initech Labs|www.initech.example|webinar",
                "a@globex.example|Globex Corporation|globex.example|webinar",
                "b@globex-group.example|Globex Corp.|globex-group.example|webinar",
                // without an industry: one an MQL, one not
                "m1@missing-one.example|Missing One|missing-one.example|webinar|company_industry",
                "m2@missing-two.example|Missing Two|missing-two.example|webinar|company_industry",
                // an MQL without a source, later won
                "s1@sourceless.example|Sourceless|sourceless.example|",
                // never touched: rejected without a touch, past the deadline without one, and one not yet due
                "u1@untouched-one.example|Untouched One|untouched-one.example|webinar",
                "u2@untouched-two.example|Untouched Two|untouched-two.example|webinar",
                "u3@not-yet-due.example|Not Yet Due|not-yet-due.example|webinar",
                // touched eight days after qualifying
                "t1@late.example|Late|late.example|webinar",
                // won, then its SQL stage lost from the data
                "w1@skipped.example|Skipped|skipped.example|webinar");
        assertThat(planted.status()).as(planted.body()).isEqualTo(200);
        imported(
                "stage-changes",
                "email,stage,at,actor,reason_code\n"
                        + touchedMql("m1@missing-one.example", 9)
                        + touchedMql("s1@sourceless.example", 9)
                        + "s1@sourceless.example,sql,2026-10-10T14:00:00Z,rep,\n"
                        + "u1@untouched-one.example,mql,2026-10-12T14:00:00Z,crm,\n"
                        + "u1@untouched-one.example,rejected,2026-10-13T14:00:00Z,rep,NOT_ICP\n"
                        + "u2@untouched-two.example,mql,2026-10-20T14:00:00Z,crm,\n"
                        + "u3@not-yet-due.example,mql,2026-11-02T10:00:00Z,crm,\n"
                        + touchedMql("t1@late.example", 5)
                        + touchedMql("w1@skipped.example", 9)
                        + "w1@skipped.example,sql,2026-10-10T14:00:00Z,rep,\n");
        imported(
                "activities",
                "email,type,at,rep,outcome,notes\n"
                        + touch("m1@missing-one.example", 9, 15)
                        + touch("s1@sourceless.example", 9, 15)
                        + touch("t1@late.example", 13, 15)
                        + touch("w1@skipped.example", 9, 15));
        imported("opportunities", """
                email,amount,currency,expected_close_date,opened_at,opened_by,status,closed_at,closed_by
                s1@sourceless.example,20000,USD,2026-10-30,2026-10-11T14:00:00Z,rep,won,2026-10-25T14:00:00Z,rep
                w1@skipped.example,7000,USD,2026-10-30,2026-10-11T14:00:00Z,rep,won,2026-10-26T14:00:00Z,rep
                """);
        // no path through Baton wins a deal that was never SQL: the defect comes from data written around it
        jdbc.sql("update funnel_cycle set sql_at = null where lead_id = :id")
                .param("id", leadId("w1@skipped.example"))
                .update();

        Map<String, JsonNode> findings = findings();

        Map<String, Long> counts = findings.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, e -> e.getValue().path("count").asLong()));
        assertThat(counts)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("duplicate-leads", 3L),
                        Map.entry("duplicate-company-domains", 1L),
                        Map.entry("duplicate-company-names", 1L),
                        Map.entry("missing-company.industry-at-lead", 2L),
                        Map.entry("missing-company.industry-at-mql", 1L),
                        Map.entry("leads-without-source", 1L),
                        Map.entry("unattributed-wins", 1L),
                        Map.entry("untouched-mqls", 2L),
                        Map.entry("late-touches", 1L),
                        Map.entry("won-without-sql", 1L),
                        Map.entry("opportunity-without-sql", 1L)));
        // 5 clean leads and 17 planted; 4 clean MQLs and 7 planted; 1 clean win and 2 planted
        assertThat(findings.get("duplicate-leads").path("of").asLong()).isEqualTo(22);
        assertThat(findings.get("untouched-mqls").path("of").asLong()).isEqualTo(11);
        assertThat(findings.get("unattributed-wins").path("of").asLong()).isEqualTo(3);
        assertThat(findings.get("untouched-mqls")
                        .path("examples")
                        .valueStream()
                        .map(e -> e.path("id").asLong()))
                .containsExactly(leadId("u1@untouched-one.example"), leadId("u2@untouched-two.example"));
        assertThat(findings.get("unattributed-wins").path("pipelineAtRisk").asLong())
                .isEqualTo(20000);
        assertThat(findings.get("won-without-sql")
                        .path("examples")
                        .get(0)
                        .path("link")
                        .asString())
                .isEqualTo("/leads/" + leadId("w1@skipped.example"));
    }

    @Test
    @Order(3)
    void findingsComeMostPipelineAtRiskFirstAndAsCsv() {
        JsonNode audit = get("/api/v1/funnel-audit").json();
        List<Long> atRisk = audit.path("findings")
                .valueStream()
                .map(f -> f.path("pipelineAtRisk").asLong())
                .toList();
        assertThat(atRisk).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        Response csv = sendWith(
                TOKEN,
                java.net.http.HttpRequest.newBuilder(uri("/api/v1/funnel-audit"))
                        .header("Accept", "text/csv")
                        .GET());
        assertThat(csv.status()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("check,title,count,of,share,pipeline_at_risk,examples,fix");
        assertThat(lines).hasSize(1 + audit.path("findings").size());
        assertThat(lines)
                .anySatisfy(
                        line -> assertThat(line).startsWith("duplicate-leads,").contains(",3,22,"));
    }

    @Test
    @Order(4)
    void batonAuditPrintsTheFindingsWithTheirCountsAndFixes() {
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();

        int exit = new picocli.CommandLine(new dev.baton.adapter.cli.AuditCommand())
                .setOut(new java.io.PrintWriter(out))
                .setErr(new java.io.PrintWriter(err))
                .execute("--url", "http://localhost:" + port, "--token", TOKEN);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("11 findings")
                .containsPattern("Duplicate leads \\(same normalised email\\)\\s+3\\s+22\\s+13\\.6%")
                .contains("- MQLs never touched: Work the queue")
                .contains("Reason codes given: NOT_ICP 2");
    }
}
