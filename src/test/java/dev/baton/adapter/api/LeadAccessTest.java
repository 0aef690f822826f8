package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.DatabaseWrites;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may act on a lead: its owner, their team's manager, revops and admins; no one else, and then nothing changes. */
class LeadAccessTest extends LeadScenarios {

    private static final String OTHER_MANAGER = "claire.dubois@northwind.example";
    private static final String MANAGER = "jordan.lee@northwind.example";

    private String teammate(String owner) {
        return owner.equals("tom.berg@northwind.example")
                ? "priya.shah@northwind.example"
                : "tom.berg@northwind.example";
    }

    @Test
    void aRepActingOnAnotherRepsLeadIsRefusedAndNothingChanges() {
        long id = qualifiedLead();
        String owner = lead(id).get("owner").asString();
        String other = teammate(owner);
        tokenOf(other, "rep");
        String before = get("/api/v1/leads/" + id + "/timeline").body();
        Map<String, String> tables = DatabaseWrites.tables(jdbc);
        long nextTransaction = DatabaseWrites.nextTransaction(jdbc);

        Response accept = as(other, "POST", "/api/v1/leads/" + id + "/accept", "{}");
        Response reject = as(other, "POST", "/api/v1/leads/" + id + "/reject", "{\"reasonCode\":\"NOT_ICP\"}");
        Response touch = as(
                other,
                "POST",
                "/api/v1/leads/" + id + "/activities",
                "{\"type\":\"call\",\"at\":\"2026-11-20T15:00:00Z\",\"rep\":\"" + other + "\"}");

        for (Response refused : new Response[] {accept, reject, touch}) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.json().get("detail").asString())
                    .isEqualTo("this lead is " + owner + "'s; " + other + " may act only on their own leads");
        }
        assertThat(DatabaseWrites.tables(jdbc)).as("nothing written").isEqualTo(tables);
        assertThat(DatabaseWrites.nextTransaction(jdbc)).isEqualTo(nextTransaction);
        assertThat(get("/api/v1/leads/" + id + "/timeline").body()).isEqualTo(before);
        assertThat(lead(id).get("stage").asString()).isEqualTo("mql");
    }

    @Test
    void theOwnerAcceptsTheirLeadAndIsNamedInItsHistory() {
        long id = qualifiedLead();
        String owner = lead(id).get("owner").asString();
        tokenOf(owner, "rep");

        Response accepted = as(owner, "POST", "/api/v1/leads/" + id + "/accept", "{}");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("stage").asString()).isEqualTo("accepted");
        JsonNodes.last(get("/api/v1/leads/" + id + "/timeline").json(), "LeadAccepted")
                .ifPresentOrElse(
                        moved -> assertThat(moved.get("actor").asString()).isEqualTo(owner),
                        () -> org.junit.jupiter.api.Assertions.fail("no LeadAccepted in the timeline"));
    }

    @Test
    void theTeamsManagerMayActOnItsLeadsAndAnotherTeamsManagerMayNot() {
        long id = qualifiedLead();
        tokenOf(MANAGER, "sales_manager");
        tokenOf(OTHER_MANAGER, "sales_manager");

        Response other = as(OTHER_MANAGER, "POST", "/api/v1/leads/" + id + "/accept", "{}");
        Response own = as(MANAGER, "POST", "/api/v1/leads/" + id + "/accept", "{}");

        assertThat(other.status()).isEqualTo(403);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
    }

    @Test
    void aRepMayNotGiveTheirLeadAwayNorMarketingWorkIt() {
        long id = qualifiedLead();
        String owner = lead(id).get("owner").asString();
        tokenOf(owner, "rep");
        tokenOf(MARKETER);

        Response giveAway = as(
                owner,
                "POST",
                "/api/v1/leads/" + id + "/reassign",
                "{\"rep\":\"" + teammate(owner) + "\",\"reason\":\"busy\"}");
        Response marketing = as(MARKETER, "POST", "/api/v1/leads/" + id + "/accept", "{}");

        assertThat(giveAway.status()).isEqualTo(403);
        assertThat(marketing.status()).isEqualTo(403);
        assertThat(lead(id).get("owner").asString()).isEqualTo(owner);
    }

    /** Finding entries of a timeline. */
    private static final class JsonNodes {
        static java.util.Optional<tools.jackson.databind.JsonNode> last(
                tools.jackson.databind.JsonNode list, String type) {
            tools.jackson.databind.JsonNode found = null;
            for (tools.jackson.databind.JsonNode entry : list) {
                if (entry.get("type").asString().equals(type)) {
                    found = entry;
                }
            }
            return java.util.Optional.ofNullable(found);
        }
    }
}
