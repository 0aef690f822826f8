package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.engine.Rescoring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A lead that sales sent back earns its next qualification with engagement that came after — in live intake, in the
 * rescoring that follows an activation, and in imports alike.
 */
class SentBackLeadsTest extends LeadScenarios {

    @Autowired
    Rescoring rescoring;

    private long rejectedForNoResponse() {
        long id = qualifiedLead();
        Response rejected = postJson("/api/v1/leads/" + id + "/reject", "{\"reasonCode\":\"NO_RESPONSE\"}");
        assertThat(rejected.json().get("stage").asString()).isEqualTo("nurture");
        return id;
    }

    private long qualifications(long id) {
        return timelineTypes(id).stream().filter("LeadQualified"::equals).count();
    }

    private void activateTheSameFileAgain() throws IOException {
        activate(Files.readString(Path.of("examples/agreements/saas-north-america-europe.yaml")), "the same file");
        rescoring.drain(1000);
    }

    @Test
    void aLeadSalesNurturedStaysInNurtureAcrossAnActivationOfTheSameFile() throws IOException {
        long id = rejectedForNoResponse();
        clock.advance(Duration.ofDays(1));

        activateTheSameFileAgain();

        JsonNode lead = lead(id);
        assertThat(lead.get("stage").asString()).isEqualTo("nurture");
        assertThat(qualifications(id)).isEqualTo(1);
        assertThat(lead.get("sentBackAt").asString()).isEqualTo(NOW.toString());
        assertThat(lead.at("/requalification/qualifies").asBoolean()).isFalse();
        assertThat(lead.at("/requalification/explanation").asString())
                .startsWith("not yet: no engagement after " + NOW);
        assertThat(lead.get("score").asInt())
                .as("its old engagement still scores")
                .isGreaterThan(60);
    }

    @Test
    void aLeadThatEngagesAfterItsRejectionQualifiesAgain() {
        long id = rejectedForNoResponse();
        clock.advance(Duration.ofDays(1));
        Instant later = NOW.plus(Duration.ofDays(1));

        send(
                event(
                        unique("e"),
                        "\"leadId\":" + id,
                        "form_submitted",
                        later.minusSeconds(600),
                        "{\"form\":\"demo\"}"),
                event(unique("e"), "\"leadId\":" + id, "page_view", later.minusSeconds(300), "{\"url\":\"/pricing\"}"));

        JsonNode lead = lead(id);
        assertThat(lead.get("stage").asString()).isEqualTo("mql");
        assertThat(lead.get("cycle").asInt()).isEqualTo(2);
        assertThat(lead.get("whyQualified").asString())
                .isEqualTo(
                        "qualified again on engagement after " + NOW + ": score 91 ≥ 60, fit 50 ≥ 30, 2 signals ≥ 2");
        assertThat(lead.get("sentBackAt").isNull()).isTrue();
        assertThat(qualifications(id)).isEqualTo(2);
    }

    @Test
    void lateEventsThatHappenedBeforeTheRejectionDoNotQualifyItAgain() {
        long id = rejectedForNoResponse();
        clock.advance(Duration.ofHours(2));

        send(
                event(unique("e"), "\"leadId\":" + id, "webinar_attended", NOW.minusSeconds(3600), "{}"),
                event(unique("e"), "\"leadId\":" + id, "content_downloaded", NOW.minusSeconds(1800), "{}"));

        assertThat(lead(id).get("stage").asString()).isEqualTo("nurture");
        assertThat(qualifications(id)).isEqualTo(1);
    }

    @Test
    void aLeadImportedAsRejectedEarnsItsNextQualificationTheSameWay() {
        String email = unique("imported") + "@acme-" + unique("co") + ".example";
        Instant rejectedAt = NOW.minus(Duration.ofDays(2));
        Response history = post("/api/v1/imports/stage-changes", "text/csv", """
                email,stage,at,actor,reason_code
                %1$s,mql,%2$s,crm,
                %1$s,rejected,%3$s,rep-7,NO_RESPONSE
                """.formatted(
                        email, rejectedAt.minus(Duration.ofDays(1)), rejectedAt));
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        long id = jdbc.sql("select id from lead where email = :email")
                .param("email", email)
                .query(Long.class)
                .single();
        Response profile = post(
                "/api/v1/imports/leads",
                "text/csv",
                "email,title,company_name,company_employees,company_annual_revenue,company_industry,company_country\n"
                        + email + ",VP Marketing,Acme,200,20000000,SaaS,US\n");
        Response oldEngagement = importEngagement(email, rejectedAt.minusSeconds(3000));

        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        assertThat(oldEngagement.status()).as(oldEngagement.body()).isEqualTo(200);
        assertThat(lead(id).get("stage").asString()).isEqualTo("nurture");

        Response newEngagement = importEngagement(email, NOW);

        assertThat(newEngagement.status()).as(newEngagement.body()).isEqualTo(200);
        assertThat(lead(id).get("stage").asString()).isEqualTo("mql");
        assertThat(lead(id).get("whyQualified").asString())
                .startsWith("qualified again on engagement after " + rejectedAt);
    }

    @Test
    void aRecycledLeadWaitsOutItsCoolOffAndThenNeedsEngagementFromAfterIt() throws IOException {
        long id = qualifiedLead();
        postJson("/api/v1/leads/" + id + "/reject", "{\"reasonCode\":\"BAD_TIMING\"}");
        Instant coolOffEnds = NOW.plus(Duration.ofDays(60));
        assertThat(lead(id).get("coolOffUntil").asString()).isEqualTo(coolOffEnds.toString());

        Instant during = coolOffEnds.minus(Duration.ofDays(5));
        clock.set(during);
        engage(id, during);
        assertThat(lead(id).get("stage").asString()).as("in its cool-off").isEqualTo("recycled");

        clock.set(coolOffEnds.plus(Duration.ofDays(1)));
        activateTheSameFileAgain();
        assertThat(lead(id).get("stage").asString())
                .as("engagement from during the cool-off does not count")
                .isEqualTo("recycled");

        engage(id, coolOffEnds.plus(Duration.ofDays(1)));
        assertThat(lead(id).get("stage").asString()).isEqualTo("mql");
        assertThat(lead(id).get("whyQualified").asString())
                .startsWith("qualified again on engagement after " + coolOffEnds);
    }

    /** A demo request and a pricing-page view just before the instant, as an events import brings them. */
    private Response importEngagement(String email, Instant at) {
        return post("/api/v1/imports/events", "text/csv", """
                event_id,email,type,occurred_at,prop_form,prop_url
                %1$s-1,%2$s,form_submitted,%3$s,demo,
                %1$s-2,%2$s,page_view,%4$s,,/pricing
                """.formatted(
                        unique("e"), email, at.minusSeconds(600), at.minusSeconds(300)));
    }

    /** A demo request and a pricing-page view, just before the instant. */
    private void engage(long id, Instant at) {
        Response sent = send(
                event(unique("e"), "\"leadId\":" + id, "form_submitted", at.minusSeconds(600), "{\"form\":\"demo\"}"),
                event(unique("e"), "\"leadId\":" + id, "page_view", at.minusSeconds(300), "{\"url\":\"/pricing\"}"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    }
}
