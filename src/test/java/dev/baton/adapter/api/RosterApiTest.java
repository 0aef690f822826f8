package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RosterApiTest extends LeadScenarios {

    private Optional<JsonNode> member(String team, String rep) {
        for (JsonNode t : get("/api/v1/teams").json()) {
            if (t.get("name").asString().equals(team)) {
                for (JsonNode m : t.get("members")) {
                    if (m.get("rep").asString().equals(rep)) {
                        return Optional.of(m);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private long ownedBy(String rep) {
        return jdbc.sql(
                        "select count(*) from lead where owner = :rep and stage in ('MQL','ACCEPTED','SQL','OPPORTUNITY')")
                .param("rep", rep)
                .query(Long.class)
                .single();
    }

    @Test
    void theAgreementsTeamsAreInTheRoster() {
        JsonNode alex = member("na-mid-market", "alex.kim@northwind.example").orElseThrow();

        assertThat(alex.get("weight").asInt()).isEqualTo(2);
        assertThat(alex.get("capacity").asInt()).isEqualTo(30);
        assertThat(alex.get("active").asBoolean()).isTrue();
        assertThat(member("europe", "lukas.maier@northwind.example")).isPresent();
    }

    @Test
    void aRepCanBeSeatedMadeInactiveAndUnseated() {
        String rep = unique("newbie") + "@northwind.example";

        postJson("/api/v1/teams/na-mid-market/members", "{\"rep\":\"" + rep + "\",\"weight\":1,\"capacity\":5}");
        JsonNode seated = member("na-mid-market", rep).orElseThrow();
        Response inactive = put("/api/v1/reps/" + rep + "/active", "{\"active\":false}");
        JsonNode afterInactive = member("na-mid-market", rep).orElseThrow();
        Response unseated = delete("/api/v1/teams/na-mid-market/members/" + rep);

        assertThat(seated.get("capacity").asInt()).isEqualTo(5);
        assertThat(inactive.status()).isEqualTo(204);
        assertThat(afterInactive.get("active").asBoolean()).isFalse();
        assertThat(unseated.status()).isEqualTo(204);
        assertThat(member("na-mid-market", rep)).isEmpty();
        assertThat(delete("/api/v1/teams/na-mid-market/members/" + rep).status())
                .isEqualTo(404);
    }

    @Test
    void seatingNeedsAValidRepAndWeight() {
        Response badRep = postJson("/api/v1/teams/na-mid-market/members", "{\"rep\":\"not-an-email\"}");
        Response badWeight =
                postJson("/api/v1/teams/na-mid-market/members", "{\"rep\":\"x@northwind.example\",\"weight\":0}");
        Response noTeam = postJson("/api/v1/teams/no-such-team/members", "{\"rep\":\"x@northwind.example\"}");

        assertThat(badRep.json().at("/errors/0/field").asString()).isEqualTo("rep");
        assertThat(badWeight.json().at("/errors/0/field").asString()).isEqualTo("weight");
        assertThat(noTeam.status()).isEqualTo(404);
    }

    @Test
    void aManualReassignmentNeedsAReasonAndIsRecorded() {
        long id = qualifiedLead();

        Response noReason = postJson("/api/v1/leads/" + id + "/reassign", "{\"rep\":\"tom.berg@northwind.example\"}");
        Response unknownRep = postJson(
                "/api/v1/leads/" + id + "/reassign", "{\"rep\":\"nobody@northwind.example\",\"reason\":\"x\"}");
        tokenOf("jordan.lee@northwind.example", "sales_manager");
        Response moved = as(
                "jordan.lee@northwind.example",
                "POST",
                "/api/v1/leads/" + id + "/reassign",
                "{\"rep\":\"tom.berg@northwind.example\",\"reason\":\"speaks the customer's language\"}");

        assertThat(noReason.json().at("/errors/0/field").asString()).isEqualTo("reason");
        assertThat(unknownRep.status()).isEqualTo(404);
        assertThat(unknownRep.json().at("/errors/0/field").asString()).isEqualTo("rep");
        assertThat(moved.json().get("owner").asString()).isEqualTo("tom.berg@northwind.example");
        assertThat(moved.json().at("/routing/why").asString())
                .isEqualTo("reassigned by jordan.lee@northwind.example: speaks the customer's language");
        assertThat(timelineTypes(id)).endsWith("LeadReassigned");
    }

    @Test
    void aRepGoingOnLeaveHandsEveryOpenLeadBackIntoRouting() {
        String rep = "priya.shah@northwind.example";
        var leads = new ArrayList<Long>();
        // priya has weight 1 of 4 in na-mid-market: she gets one lead in four, well inside ten
        for (int i = 0; i < 10 && ownedBy(rep) < 2; i++) {
            leads.add(qualifiedLead());
        }
        assertThat(ownedBy(rep)).as("leads routed to " + rep).isEqualTo(2);
        Response leave = postJson(
                "/api/v1/reps/" + rep + "/absences",
                "{\"from\":\"" + NOW.minus(Duration.ofHours(1)) + "\",\"until\":\"" + NOW.plus(Duration.ofDays(14))
                        + "\",\"note\":\"parental leave\"}");

        Response reassigned = postJson("/api/v1/reps/" + rep + "/reassign", "{\"reason\":\"on leave\"}");

        assertThat(leave.status()).isEqualTo(201);
        assertThat(reassigned.status()).isEqualTo(200);
        assertThat(reassigned.json().size()).isGreaterThanOrEqualTo(2);
        assertThat(ownedBy(rep)).isZero();
        List<String> owners = reassigned
                .json()
                .valueStream()
                .map(d ->
                        d.has("rep") ? d.get("rep").asString() : d.get("queue").asString())
                .toList();
        assertThat(owners).doesNotContain(rep);
        assertThat(member("na-mid-market", rep)
                        .orElseThrow()
                        .get("absences")
                        .get(0)
                        .get("note")
                        .asString())
                .isEqualTo("parental leave");
        long absence = leave.json().get("id").asLong();
        assertThat(delete("/api/v1/reps/" + rep + "/absences/" + absence).status())
                .isEqualTo(204);
    }

    @Test
    void anUnknownRepIsNotFoundWhereverTheRequestNamesThem() {
        long id = qualifiedLead();
        String nobody = "nobody@northwind.example";
        String absence = "{\"from\":\"2026-11-21T00:00:00Z\",\"until\":\"2026-11-22T00:00:00Z\"}";

        List<Response> answers = List.of(
                postJson("/api/v1/leads/" + id + "/reassign", "{\"rep\":\"" + nobody + "\",\"reason\":\"x\"}"),
                postJson("/api/v1/reps/" + nobody + "/reassign", "{\"reason\":\"x\"}"),
                put("/api/v1/reps/" + nobody + "/active", "{\"active\":false}"),
                postJson("/api/v1/reps/" + nobody + "/absences", absence));

        for (Response answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.json().get("type").asString()).isEqualTo("https://baton.dev/problems/not-found");
            assertThat(answer.json().get("detail").asString())
                    .isEqualTo("there is no rep nobody@northwind.example in the roster");
        }
    }

    @Test
    void aRepTakenOutOfTheTeamGetsNoneOfTheirLeadsBackWhenTheyAreReassigned() {
        String rep = "priya.shah@northwind.example";
        long lead = -1;
        for (int i = 0; i < 10 && lead < 0; i++) {
            long id = qualifiedLead();
            if (lead(id).get("owner").asString().equals(rep)) {
                lead = id;
            }
        }
        assertThat(lead).as("a lead routed to " + rep).isPositive();
        long sameAccount = createLead(idealLead(
                unique("b") + "@" + lead(lead).at("/company/company.domain").asString()));
        qualify(sameAccount);
        assertThat(lead(sameAccount).get("owner").asString())
                .as("the account's owner")
                .isEqualTo(rep);

        assertThat(delete("/api/v1/teams/na-mid-market/members/" + rep).status())
                .isEqualTo(204);
        Response reassigned = postJson("/api/v1/reps/" + rep + "/reassign", "{\"reason\":\"left the team\"}");

        assertThat(reassigned.status()).as(reassigned.body()).isEqualTo(200);
        assertThat(reassigned.json().size()).isEqualTo(2);
        assertThat(ownedBy(rep)).isZero();
        for (long id : List.of(lead, sameAccount)) {
            JsonNode routing = lead(id).get("routing");
            assertThat(lead(id).get("owner").asString()).isNotEqualTo(rep);
            assertThat(routing.get("skipped").toString())
                    .contains("account owner " + rep + " skipped: has no seat in any team");
        }
    }

    @Test
    void anMqlThatNoRuleRoutesWaitsInTheFallbackQueueWithItsOwner() {
        String domain = unique("kyoto") + ".example";
        long id = createLead(idealLead(unique("k") + "@" + domain).replace("\"country\":\"US\"", "\"country\":\"JP\""));
        send(
                event(unique("e"), "\"leadId\":" + id, "form_submitted", NOW.minusSeconds(60), "{\"form\":\"demo\"}"),
                event(unique("e"), "\"leadId\":" + id, "webinar_attended", NOW.minusSeconds(30), "{}"));

        JsonNode lead = lead(id);

        assertThat(lead.get("stage").asString()).isEqualTo("mql");
        assertThat(lead.get("owner").isNull()).isTrue();
        assertThat(lead.get("queue").asString()).isEqualTo("unrouted-mqls");
        assertThat(lead.at("/routing/owner").asString()).isEqualTo("revops@northwind.example");
        assertThat(timelineTypes(id)).containsSubsequence("LeadQualified", "LeadQueued");
    }
}
