package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A CRM pipeline export with a row per opportunity — the shape of Maven Analytics' sales_pipeline.csv — imports in one
 * request with the mapping shipped in examples/imports, and comes out with the file's won, lost and open counts.
 */
class FunnelImportTest extends LeadScenarios {

    private static final List<String> MAVEN = List.of(
            "key:opportunity_id",
            "company:account",
            "actor:sales_agent",
            "stage:engage_date=opportunity",
            "outcome:deal_stage",
            "won:Won",
            "lost:Lost",
            "closed:close_date",
            "amount:close_value",
            "currency:USD");

    private static String query(List<String> entries) {
        return "?"
                + entries.stream()
                        .map(e -> "mapping=" + URLEncoder.encode(e, StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    /** A pipeline of the file's shape: so many won, lost, engaging and prospecting deals, with their values. */
    private record Pipeline(String csv, int won, int lost, int engaging, int prospecting, BigDecimal wonValue) {}

    private static Pipeline pipeline(long seed) {
        var random = new Random(seed);
        var csv = new StringBuilder(
                "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n");
        int won = 0;
        int lost = 0;
        int engaging = 0;
        int prospecting = 0;
        BigDecimal wonValue = BigDecimal.ZERO;
        for (int i = 0; i < 60; i++) {
            String id = "OPP" + seed + "X" + i;
            String agent =
                    List.of("Moses Frase", "Darcel Schlecht", "Anna Snelling").get(random.nextInt(3));
            String account = random.nextInt(5) == 0
                    ? ""
                    : List.of("Cancity", "Isdom", "Codehow").get(random.nextInt(3));
            LocalDate engaged = LocalDate.of(2016, 10, 20).plusDays(random.nextInt(300));
            LocalDate closed = engaged.plusDays(1 + random.nextInt(120));
            switch (random.nextInt(4)) {
                case 0 -> {
                    int value = 50 + random.nextInt(5000);
                    won++;
                    wonValue = wonValue.add(BigDecimal.valueOf(value));
                    csv.append(
                            "%s,%s,GTX Basic,%s,Won,%s,%s,%d\n".formatted(id, agent, account, engaged, closed, value));
                }
                case 1 -> {
                    lost++;
                    csv.append("%s,%s,MG Special,%s,Lost,%s,%s,0\n".formatted(id, agent, account, engaged, closed));
                }
                case 2 -> {
                    engaging++;
                    csv.append("%s,%s,GTXPro,%s,Engaging,%s,,\n".formatted(id, agent, account, engaged));
                }
                default -> {
                    prospecting++;
                    csv.append("%s,%s,GTXPro,%s,Prospecting,,,\n".formatted(id, agent, account));
                }
            }
        }
        return new Pipeline(csv.toString(), won, lost, engaging, prospecting, wonValue);
    }

    /** The leads of the pipeline of this seed in the stage. */
    private long leadsIn(String stage, long seed) {
        return jdbc.sql("select count(*) from lead where stage = :stage and email like :pattern")
                .param("stage", stage)
                .param("pattern", "opp" + seed + "x%@import.invalid")
                .query(Long.class)
                .single();
    }

    @Test
    void aPipelineWithARowPerOpportunityImportsInOneRequestAsTheFileSays() {
        long seed = 7;
        Pipeline file = pipeline(seed);
        clock.set(java.time.Instant.parse("2026-11-20T15:00:00Z"));

        Response imported = post("/api/v1/imports/funnel" + query(MAVEN), "text/csv", file.csv());

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode counts = imported.json().get("counts");
        assertThat(counts.get("leads_created").asLong()).isEqualTo(60);
        assertThat(counts.get("won").asLong()).isEqualTo(file.won());
        assertThat(counts.get("lost").asLong()).isEqualTo(file.lost());
        assertThat(counts.get("open").asLong()).isEqualTo(file.engaging());
        assertThat(counts.get("without_stage").asLong()).isEqualTo(file.prospecting());
        assertThat(counts.get("opportunities").asLong()).isEqualTo(file.won() + file.lost() + file.engaging());
        assertThat(leadsIn("WON", seed)).isEqualTo(file.won());
        assertThat(leadsIn("LOST", seed)).isEqualTo(file.lost());
        assertThat(leadsIn("OPPORTUNITY", seed)).isEqualTo(file.engaging());
        assertThat(leadsIn("LEAD", seed)).isEqualTo(file.prospecting());
        double closedWinRate = (double) leadsIn("WON", seed) / (leadsIn("WON", seed) + leadsIn("LOST", seed));
        assertThat(closedWinRate).isEqualTo((double) file.won() / (file.won() + file.lost()));

        JsonNode revenue =
                get("/api/v1/metrics/won-revenue?from=2016-01-01&to=2026-11-20").json();
        assertThat(revenue.get("value").asDouble()).isEqualTo(file.wonValue().doubleValue());
        String firstWon = file.csv()
                .lines()
                .filter(line -> line.contains(",Won,"))
                .findFirst()
                .orElseThrow();
        String[] cells = firstWon.split(",", -1);
        JsonNode lead = get("/api/v1/leads?email=" + cells[0].toLowerCase() + "@import.invalid")
                .json()
                .at("/leads/0");
        assertThat(lead.get("stage").asString()).isEqualTo("won");
        JsonNode details = lead(lead.get("id").asLong());
        assertThat(details.at("/profile/lead.external_id").asString()).isEqualTo(cells[0]);
        assertThat(details.at("/profile/lead.attributes.product").asString()).isEqualTo("GTX Basic");
        assertThat(details.at("/profile/lead.attributes.sales_agent").asString())
                .isEqualTo(cells[1]);
        assertThat(details.get("qualifiedAt").asString()).startsWith(cells[5]);
        if (!cells[3].isEmpty()) {
            assertThat(details.at("/company/company.name").asString()).isEqualTo(cells[3]);
        }
    }

    @Test
    void theSameFileImportedAgainChangesNothingAndALaterStateMovesTheDealsOn() {
        long seed = 11;
        Pipeline file = pipeline(seed);
        post("/api/v1/imports/funnel" + query(MAVEN), "text/csv", file.csv());
        long history =
                jdbc.sql("select count(*) from lead_history").query(Long.class).single();

        Response again = post("/api/v1/imports/funnel" + query(MAVEN), "text/csv", file.csv());

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().at("/counts/leads_created").asLong()).isZero();
        assertThat(again.json().at("/counts/unchanged").asLong()).isEqualTo(file.won() + file.lost() + file.engaging());
        assertThat(jdbc.sql("select count(*) from lead_history")
                        .query(Long.class)
                        .single())
                .isEqualTo(history);

        String later = file.csv().replaceFirst(",Engaging,(\\d{4}-\\d{2}-\\d{2}),,", ",Won,$1,2017-12-01,900");
        Response moved = post("/api/v1/imports/funnel" + query(MAVEN), "text/csv", later);
        assertThat(moved.json().at("/counts/won").asLong()).isEqualTo(1);
        assertThat(leadsIn("WON", seed)).isEqualTo(file.won() + 1);
    }

    @Test
    void aBadMappingOrADealClosedWithoutItsDateIsRefusedNamingWhatIsWrong() {
        Response noKey = post(
                "/api/v1/imports/funnel" + query(List.of("stage:engage_date=opportunity")),
                "text/csv",
                "opportunity_id,engage_date\nA,2017-01-01\n");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().at("/errors/0/field").asString()).isEqualTo("mapping");
        assertThat(noKey.json().at("/errors/0/message").asString()).contains("key");

        Response badStage = post(
                "/api/v1/imports/funnel" + query(List.of("key:opportunity_id", "stage:engage_date=won")),
                "text/csv",
                "opportunity_id,engage_date\nA,2017-01-01\n");
        assertThat(badStage.json().at("/errors/0/message").asString()).contains("won and lost come from the outcome");

        Response noMapping = post("/api/v1/imports/leads?mapping=key:x", "text/csv", "email\na@b.example\n");
        assertThat(noMapping.json().at("/errors/0/field").asString()).isEqualTo("mapping");

        Response undated = post(
                "/api/v1/imports/funnel" + query(MAVEN),
                "text/csv",
                "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n"
                        + "Z1,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,,1054\n");
        assertThat(undated.status()).isEqualTo(400);
        assertThat(undated.json().at("/errors/0/line").asInt()).isEqualTo(2);
        assertThat(undated.json().at("/errors/0/field").asString()).isEqualTo("close_date");
        assertThat(undated.json().at("/errors/0/message").asString())
                .isEqualTo("a deal that was won needs the date it closed in close_date");
        assertThat(jdbc.sql("select count(*) from lead where email = 'z1@import.invalid'")
                        .query(Long.class)
                        .single())
                .as("nothing written")
                .isZero();
    }
}
