package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.WebSession;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The dashboard page, served to a signed-in person, shows the figures the metrics API gives. */
// every page test signs in from the same address: the per-address throttle is SignInTest's to show
@org.springframework.test.context.TestPropertySource(properties = "baton.sign-in.attempts-per-minute=100000")
class DashboardPageTest extends LeadScenarios {

    private static final String PASSWORD = "a long enough password";

    /** A signed-in rep (any role sees the dashboard), with their first password changed. */
    private WebSession signedIn() {
        String email = unique("viewer") + "@northwind.example";
        postJson(
                "/api/v1/users",
                "{\"email\":\"" + email + "\",\"roles\":[\"rep\"],\"password\":\"" + PASSWORD + "x\"}");
        var web = new WebSession(port);
        web.signIn(email, PASSWORD + "x");
        web.get("/account/password");
        web.post("/account/password", Map.of("current", PASSWORD + "x", "password", PASSWORD, "repeat", PASSWORD));
        return web;
    }

    @Test
    void theFunnelOnThePageIsTheFunnelOfTheApi() {
        qualifiedLead();
        long accepted = qualifiedLead();
        postJson("/api/v1/leads/" + accepted + "/accept", "{}");
        WebSession web = signedIn();

        WebSession.Page page = web.get("/?from=2026-11-01&to=2026-11-30");
        JsonNode api = get("/api/v1/funnel?from=2026-11-01&to=2026-11-30").json();

        assertThat(page.status()).isEqualTo(200);
        String csv =
                web.get("/dashboard/funnel.csv?from=2026-11-01&to=2026-11-30").body();
        for (JsonNode stage : api.get("stages")) {
            String name = stage.get("stage").asString();
            assertThat(csv).contains(name + "," + (double) stage.get("count").asLong());
            assertThat(page.body()).contains("<th scope=\"row\">" + name + "</th>");
        }
        assertThat(api.at("/stages/0/count").asLong()).isEqualTo(2);
        assertThat(page.body()).contains("data-chart=\"{&quot;id&quot;:&quot;funnel&quot;");
    }

    @Test
    void theScorecardOnThePageHasEachLineOfTheApisWithItsStatus() {
        qualifiedLead();
        WebSession web = signedIn();

        String page = web.get("/?from=2026-11-01&to=2026-11-30").body();
        JsonNode card = get("/api/v1/scorecard?from=2026-11-01&to=2026-11-30").json();

        for (String side : new String[] {"marketing", "sales", "shared"}) {
            for (JsonNode line : card.get(side)) {
                Matcher row = Pattern.compile("<th scope=\"row\">"
                                + Pattern.quote(html(line.get("title").asString()))
                                + "</th>\\s*<td>[^<]*</td>\\s*<td>[^<]*</td>\\s*<td>[^<]*</td>\\s*<td><span class=\"status "
                                + Pattern.quote(line.get("status").asString()) + "\">")
                        .matcher(page);
                assertThat(row.find()).as(line.get("title").asString()).isTrue();
            }
        }
    }

    /** The MQLs of November as the dashboard's funnel chart gives them. */
    private static double novemberMqls(WebSession web) {
        String csv =
                web.get("/dashboard/funnel.csv?from=2026-11-01&to=2026-11-30").body();
        return Double.parseDouble(csv.lines().skip(1).findFirst().orElseThrow().split(",")[1]);
    }

    /** Takes one MQL out of the funnel without anything stepping the funnel's change number. */
    private void forgetUnseen(long lead) {
        jdbc.sql("""
                        begin; set local session_replication_role = replica;
                        delete from funnel_cycle where lead_id = %d; commit
                        """.formatted(lead)).update();
    }

    @Test
    void aViewIsKeptWhileTheFunnelDoesNotChangeAndComputedAgainAsSoonAsItDoes() {
        qualifiedLead();
        WebSession web = signedIn();
        double before = novemberMqls(web);

        long another = qualifiedLead();
        assertThat(novemberMqls(web)).as("a new MQL shows at the next view").isEqualTo(before + 1);

        forgetUnseen(another);
        assertThat(novemberMqls(web))
                .as("kept: nothing said the funnel changed")
                .isEqualTo(before + 1);

        jdbc.sql("select nextval('funnel_changes')").query(Long.class).single();
        assertThat(novemberMqls(web)).as("computed again once it did").isEqualTo(before);
    }

    @Test
    void aKeptViewIsNeverOlderThanTheClocksMinute() {
        long lead = qualifiedLead();
        WebSession web = signedIn();
        double before = novemberMqls(web);

        forgetUnseen(lead);
        assertThat(novemberMqls(web)).isEqualTo(before);
        clock.advance(java.time.Duration.ofMinutes(1));

        assertThat(novemberMqls(web)).isEqualTo(before - 1);
    }

    @Test
    void theFiltersAreKeptInTheUrlAndInTheCsvLinks() {
        WebSession web = signedIn();

        String page =
                web.get("/?from=2026-11-01&source=webinar&team=na-mid-market").body();

        assertThat(page).contains("value=\"webinar\"", "value=\"na-mid-market\"", "value=\"2026-11-01\"");
        assertThat(page).contains("/dashboard/funnel.csv?from=2026-11-01&amp;source=webinar&amp;team=na-mid-market");
    }

    @Test
    void aWrongDayIsSaidOnThePageNotAnswered500() {
        WebSession web = signedIn();

        WebSession.Page page = web.get("/?from=yesterday");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("from is a day like 2026-03-01, not &#39;yesterday&#39;");
    }

    @Test
    void theDashboardAsksThoseNotSignedInToSignIn() {
        WebSession.Page page = new WebSession(port).get("/");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).isEqualTo("/login");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("'", "&#39;");
    }
}
