package dev.baton.adapter.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.privacy.Retention;
import dev.baton.testing.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * With a retention period, one round of the worker deletes the old events of leads that never qualified and of
 * anonymous visitors, and keeps those of qualified leads, newer ones, and those the agreement counts at any age.
 */
@TestPropertySource(properties = {"baton.privacy.unqualified-event-retention=365d", "baton.privacy.worker=false"})
class RetentionTest extends IntegrationTest {

    private static final Instant THEN = Instant.parse("2025-06-02T15:00:00Z");

    @Autowired
    Retention retention;

    @Autowired
    JdbcClient jdbc;

    @Test
    void oneRoundDeletesExactlyTheOldEventsOfTheNeverQualifiedAndTheAnonymous() {
        clock.set(THEN);
        activateExample("saas-north-america-europe.yaml");
        long qualified = lead("""
                {"email":"vp@globex.example","title":"VP Marketing","company":{"name":"Globex","domain":"globex.example",
                 "employees":200,"annualRevenue":20000000,"industry":"SaaS","country":"US"}}""");
        long unqualified = lead("{\"email\":\"intern@gmail.com\",\"title\":\"Intern\"}");
        send("q-demo", "\"leadId\":" + qualified, "form_submitted", THEN.minusSeconds(600));
        send("q-pricing", "\"leadId\":" + qualified, "page_view", THEN.minusSeconds(300));
        send("u-old", "\"leadId\":" + unqualified, "page_view", THEN.minusSeconds(300));
        send("u-unsubscribed", "\"leadId\":" + unqualified, "email_unsubscribed", THEN.minusSeconds(200));
        send("a-old", "\"visitorId\":\"v-1\"", "page_view", THEN.minusSeconds(100));
        assertThat(get("/api/v1/leads/" + qualified).json().get("stage").asString())
                .isEqualTo("mql");
        assertThat(get("/api/v1/leads/" + unqualified).json().get("stage").asString())
                .isEqualTo("lead");

        clock.set(THEN.plus(Duration.ofDays(400)));
        send("u-new", "\"leadId\":" + unqualified, "page_view", THEN.plus(Duration.ofDays(399)));
        send("a-new", "\"visitorId\":\"v-2\"", "page_view", THEN.plus(Duration.ofDays(399)));
        Map<String, Object> engagement = engagementOf(unqualified);
        new RetentionWorker(retention, Duration.ofDays(1)).work();

        assertThat(eventIds()).containsExactlyInAnyOrder("q-demo", "q-pricing", "u-unsubscribed", "u-new", "a-new");
        assertThat(engagementOf(unqualified)).isEqualTo(engagement);
        assertThat(retention.cutoff(clock.instant())).contains(clock.instant().minus(Duration.ofDays(365)));
    }

    private long lead(String json) {
        Response created = postJson("/api/v1/leads", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private void send(String id, String who, String type, Instant at) {
        Response sent = postJson(
                "/api/v1/events",
                "{\"events\":[{\"eventId\":\"%s\",%s,\"type\":\"%s\",\"occurredAt\":\"%s\",\"properties\":{\"url\":\"/pricing\",\"form\":\"demo\"}}]}"
                        .formatted(id, who, type, at));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    }

    private List<String> eventIds() {
        return jdbc.sql("select event_id from engagement_event")
                .query(String.class)
                .list();
    }

    private Map<String, Object> engagementOf(long lead) {
        return jdbc.sql("select json_object_agg(type, events) as counts from lead_engagement where lead_id = :lead")
                .param("lead", lead)
                .query()
                .singleRow();
    }
}
