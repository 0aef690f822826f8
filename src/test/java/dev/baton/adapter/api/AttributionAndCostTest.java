package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Attribution, cost, the ICP-fit share and the pipeline by engagement on a story built by hand, each expected figure
 * worked out here. The agreement names {@code outbound-…} a sales source; every lead of a test carries the test's tag
 * (the lead field {@code attributes.story}), and the figures are filtered to it.
 *
 * <pre>
 * lead  source     campaign field  campaign touches (events)             qualified  opportunity          won
 * P     web        spring (03-01)  webinar 03-04 (webinar_attended)      03-05      03-20, 10,000 USD     04-10
 * Q     outbound   —               webinar 03-08 (email_click, utm)      03-10      03-25,  6,000 USD     —
 * R     web        —               autumn 04-01 (email_click), after it  03-12      03-28,  4,000 USD     —
 * </pre>
 *
 * Marketing-sourced pipeline of March: P and R (Q's source is a sales source), 14,000 — spring 10,000 (P's first
 * touch), autumn 4,000 (R's only touch, even though it came after the opportunity). Marketing-influenced pipeline of
 * March: P (spring and webinar before its opportunity: 5,000 each) and Q (webinar: 6,000), 16,000 — spring 5,000,
 * webinar 11,000; R's touch came after its opportunity.
 */
class AttributionAndCostTest extends LeadScenarios {

    private static final String MARCH = "from=2026-03-01&to=2026-03-31";

    private String tag;
    private String web;
    private String outbound;
    private String spring;
    private String webinar;
    private String autumn;
    private final Map<String, Long> leads = new HashMap<>();

    @BeforeEach
    void theStory() throws Exception {
        tag = unique("story");
        web = "web-" + tag;
        outbound = "outbound-" + tag;
        spring = "spring-" + tag;
        webinar = "webinar-" + tag;
        autumn = "autumn-" + tag;
        String example = Files.readString(Path.of("examples/agreements/saas-north-america-europe.yaml"));
        assertThat(example).contains("\nescalations:\n");
        activate(
                example.replace(
                        "\nescalations:\n", "\nattribution:\n  sales-sources: [" + outbound + "]\n\nescalations:\n"),
                "attribution.yaml");

        leads.put("P", lead("2026-03-01", web, spring));
        leads.put("Q", lead("2026-03-02", outbound, null));
        leads.put("R", lead("2026-03-03", web, null));
        touch("P", "2026-03-04", "webinar_attended", "{\"campaign\":\"" + webinar + "\"}");
        touch("Q", "2026-03-08", "email_click", "{\"utm_campaign\":\"" + webinar + "\"}");
        qualifyOn("P", "2026-03-05");
        qualifyOn("Q", "2026-03-10");
        qualifyOn("R", "2026-03-12");
        opportunity("P", "2026-03-20", 10_000);
        opportunity("Q", "2026-03-25", 6_000);
        opportunity("R", "2026-03-28", 4_000);
        touch("R", "2026-04-01", "email_click", "{\"campaign\":\"" + autumn + "\"}");
        step("P", "2026-04-10", "won", "{}");
        clock.set(Instant.parse("2026-06-01T15:00:00Z"));
    }

    @Test
    void marketingSourcedPipelineCreditsTheFirstTouchAndLeavesOutTheSalesSources() {
        JsonNode sourced = metric("marketing-sourced-pipeline", MARCH + "&by=campaign");

        assertThat(sourced.get("value").asDouble()).isEqualTo(14_000);
        assertThat(values(sourced)).containsExactlyInAnyOrderEntriesOf(Map.of(spring, 10_000.0, autumn, 4_000.0));
        assertThat(metric("marketing-sourced-revenue", "from=2026-04-01&to=2026-04-30")
                        .get("value")
                        .asDouble())
                .isEqualTo(10_000);
        // the share beside it: 14,000 of the 20,000 opened in March
        assertThat(metric("marketing-sourced-pipeline-share", MARCH)
                        .get("value")
                        .asDouble())
                .isCloseTo(0.7, within(1e-9));
    }

    @Test
    void marketingInfluencedPipelineSplitsEachDealBetweenTheCampaignsThatTouchedItBefore() {
        JsonNode influenced = metric("marketing-influenced-pipeline", MARCH);
        JsonNode byCampaign = metric("marketing-influenced-pipeline", MARCH + "&by=campaign");

        assertThat(influenced.get("value").asDouble()).isEqualTo(16_000);
        assertThat(influenced.get("count").asLong()).isEqualTo(2);
        assertThat(values(byCampaign)).containsExactlyInAnyOrderEntriesOf(Map.of(spring, 5_000.0, webinar, 11_000.0));
        assertThat(byCampaign.get("value").asDouble()).isEqualTo(16_000);
        assertThat(metric("marketing-influenced-pipeline", MARCH + "&campaign=" + webinar)
                        .get("value")
                        .asDouble())
                .isEqualTo(11_000);
        JsonNode revenue = metric("marketing-influenced-revenue", "from=2026-04-01&to=2026-04-30&by=campaign");
        assertThat(values(revenue)).containsExactlyInAnyOrderEntriesOf(Map.of(spring, 5_000.0, webinar, 5_000.0));
    }

    @Test
    void costPerMqlDividesTheImportedSpendOfTheDaysInThePeriodByItsMqls() {
        Response imported = post(
                "/api/v1/imports/spend",
                "text/csv",
                "month,source,campaign,amount,currency\n" + "2026-03," + web + "," + spring + ",3000,USD\n" + "2026-03,"
                        + web + ",,1500,USD\n" + "2026-03," + outbound + ",,900,USD\n");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        // P and R are the MQLs of web in March; 4,500 spent on web
        JsonNode cost = cost("cost-per-mql", MARCH + "&source=" + web + "&by=campaign");
        assertThat(cost.get("value").asDouble()).isCloseTo(2_250, within(1e-9));
        assertThat(cost.get("numerator").asDouble()).isCloseTo(4_500, within(1e-9));
        assertThat(cost.get("denominator").asDouble()).isEqualTo(2);
        // by the lead's campaign field: P's spring; R has none, as the spend not tied to a campaign
        assertThat(values(cost)).containsExactlyInAnyOrderEntriesOf(Map.of(spring, 3_000.0, "(none)", 1_500.0));
        // the first fortnight: 15 of March's 31 days of the spend, and both MQLs
        JsonNode fortnight = cost("cost-per-mql", "from=2026-03-01&to=2026-03-15&source=" + web);
        assertThat(fortnight.get("value").asDouble()).isCloseTo(4_500.0 * 15 / 31 / 2, within(1e-6));
        assertThat(cost("cost-per-won-deal", "from=2026-03-01&to=2026-04-30&source=" + web)
                        .get("value")
                        .asDouble())
                .isCloseTo(4_500, within(1e-9));

        // a month imported again replaces its amount
        assertThat(post("/api/v1/imports/spend", "text/csv", "month,source,amount\n2026-03," + outbound + ",1200\n")
                        .status())
                .isEqualTo(200);
        assertThat(cost("cost-per-mql", MARCH + "&source=" + outbound)
                        .get("value")
                        .asDouble())
                .isCloseTo(1_200, within(1e-9));
        JsonNode listed = get("/api/v1/spend?from=2026-03&to=2026-03").json();
        assertThat(listed.valueStream()
                        .filter(s -> s.path("source").asString("").equals(outbound))
                        .map(s -> s.get("amount").asDouble()))
                .containsExactly(1200.0);
    }

    @Test
    void aWrongSpendFileNamesTheLineAndColumnAndKeepsNothing() {
        Response refused = post(
                "/api/v1/imports/spend",
                "text/csv",
                "month,source,amount\n2026-04," + web + ",700\n2026-13," + web + ",100\n2026-04," + web + ",-5\n"
                        + "2026-04," + web + ",800\n");

        assertThat(refused.status()).isEqualTo(400);
        JsonNode errors = refused.json().get("errors");
        assertThat(errors.valueStream()
                        .map(e -> e.get("line").asLong() + ":" + e.get("field").asString()))
                .containsExactly("3:month", "4:amount", "5:month");
        assertThat(get("/api/v1/spend?from=2026-04&to=2026-04")
                        .json()
                        .valueStream()
                        .filter(s -> s.path("source").asString("").equals(web)))
                .isEmpty();
        // cost has no team: spend is not kept by team
        assertThat(get("/api/v1/metrics/cost-per-mql?team=europe")
                        .json()
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("team");
    }

    @Test
    void theIcpFitShareJudgesTheFitEachMqlQualifiedWithByTheActiveMinimum() throws Exception {
        // each qualified with fit 50; the agreement asks 30
        JsonNode fit = metric("icp-fit-share", MARCH);
        assertThat(fit.get("numerator").asDouble()).isEqualTo(3);
        assertThat(fit.get("denominator").asDouble()).isEqualTo(3);

        String example = Files.readString(Path.of("examples/agreements/saas-north-america-europe.yaml"));
        activate(example.replace("min-fit: 30", "min-fit: 60"), "stricter.yaml");

        assertThat(metric("icp-fit-share", MARCH).get("value").asDouble()).isEqualTo(0.0);
    }

    @Test
    void pipelineByEngagementCountsTheEventTypesBeforeEachOpportunityAndALateEventAtItsTrueTime() {
        JsonNode before = engagement();
        assertThat(line(before, web, "(all)")).containsExactly(2L, 14_000L, 1L, 10_000L);
        assertThat(line(before, web, "form_submitted")).containsExactly(2L, 14_000L, 1L, 10_000L);
        assertThat(line(before, web, "webinar_attended")).containsExactly(1L, 10_000L, 1L, 10_000L);
        // R's email click came after its opportunity
        assertThat(line(before, web, "email_click")).isEmpty();
        assertThat(line(before, outbound, "email_click")).containsExactly(1L, 6_000L, 0L, 0L);

        // a late event for R, from before its opportunity, counts at once
        touch("R", "2026-03-20", "demo_attended", "{}");
        clock.set(Instant.parse("2026-06-01T15:00:00Z"));
        assertThat(line(engagement(), web, "demo_attended")).containsExactly(1L, 4_000L, 0L, 0L);
    }

    @Test
    void theFiguresOverEventsComeAsCsvToo() {
        Response csv = send(
                java.net.http.HttpRequest.newBuilder(
                                uri("/api/v1/engagement?" + MARCH + "&segment=lead.attributes.story:" + tag))
                        .header("Accept", "text/csv")
                        .GET(),
                true);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body())
                .startsWith("source,event_type,opportunities,pipeline,won,revenue")
                .contains(web + ",(all),2,14000,1,10000");
    }

    private JsonNode engagement() {
        Response response = get("/api/v1/engagement?" + MARCH + "&segment=lead.attributes.story:" + tag);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Opportunities, pipeline, won deals and revenue of one line; empty when there is no such line. */
    private static java.util.List<Long> line(JsonNode view, String key, String type) {
        return view.get("lines")
                .valueStream()
                .filter(l -> l.get("key").asString().equals(key)
                        && l.get("type").asString().equals(type))
                .flatMap(l -> java.util.stream.Stream.of(
                        l.get("opportunities").asLong(),
                        Math.round(l.get("pipeline").asDouble()),
                        l.get("won").asLong(),
                        Math.round(l.get("revenue").asDouble())))
                .toList();
    }

    private long lead(String day, String source, String campaign) {
        clock.set(Instant.parse(day + "T15:00:00Z"));
        String email = unique("dana") + "@acme-" + unique("co") + ".example";
        String json = idealLead(email)
                .replace(
                        "\"source\":\"webinar\"",
                        "\"source\":\"" + source + "\","
                                + (campaign == null ? "" : "\"campaign\":\"" + campaign + "\",")
                                + "\"attributes\":{\"story\":\"" + tag + "\"}");
        return createLead(json);
    }

    private void touch(String lead, String day, String type, String properties) {
        Instant at = Instant.parse(day + "T15:00:00Z");
        clock.set(at);
        Response sent = send(event(unique("e"), "\"leadId\":" + leads.get(lead), type, at, properties));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    }

    private void qualifyOn(String lead, String day) {
        Instant at = Instant.parse(day + "T15:00:00Z");
        clock.set(at);
        qualifyAt(leads.get(lead), at);
        assertThat(lead(leads.get(lead)).get("stage").asString()).isEqualTo("mql");
    }

    private void opportunity(String lead, String day, int amount) {
        step(lead, day, "accept", "{}");
        step(
                lead,
                day,
                "qualify",
                "{\"bant\":{\"budget\":\"60k\",\"authority\":\"VP\",\"need\":\"reporting\",\"timeline\":\"Q3\"}}");
        step(
                lead,
                day,
                "opportunity",
                "{\"amount\":" + amount + ",\"currency\":\"USD\",\"expectedCloseDate\":\"2026-09-30\"}");
    }

    private void step(String lead, String day, String command, String body) {
        clock.set(Instant.parse(day + "T15:00:00Z"));
        Response response = postJson("/api/v1/leads/" + leads.get(lead) + "/" + command, body);
        assertThat(response.status())
                .as(command + " " + lead + ": " + response.body())
                .isEqualTo(200);
    }

    private JsonNode metric(String id, String query) {
        Response response = get("/api/v1/metrics/" + id + "?" + query + "&segment=lead.attributes.story:" + tag);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** A cost metric: spend is kept by source and campaign, so it is filtered by the test's own sources alone. */
    private JsonNode cost(String id, String query) {
        Response response = get("/api/v1/metrics/" + id + "?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Each part's value by its key. */
    private static Map<String, Double> values(JsonNode report) {
        var parts = new HashMap<String, Double>();
        report.get("parts")
                .forEach(p -> parts.put(p.get("key").asString(), p.get("value").asDouble()));
        return parts;
    }
}
