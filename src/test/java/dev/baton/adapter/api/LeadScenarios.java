package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Leads and events driven through the API, under the first example agreement. */
abstract class LeadScenarios extends IntegrationTest {

    protected static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    @Autowired
    protected JdbcClient jdbc;

    protected int version;

    @BeforeEach
    void saasAgreementIsActive() {
        clock.set(NOW);
        version = activateExample("saas-north-america-europe.yaml");
    }

    /** A VP Marketing at a 200-person US SaaS company: fit 50 under the first example. */
    protected String idealLead(String email) {
        String domain = email.substring(email.indexOf('@') + 1);
        return idealLead(email, domain, domain.substring(0, domain.indexOf('.')));
    }

    protected String idealLead(String email, String domain, String companyName) {
        return """
                {"email":"%s","firstName":"Dana","lastName":"Reyes","title":"VP Marketing","source":"webinar",
                 "company":{"name":"%s","domain":"%s","employees":200,"annualRevenue":20000000,
                            "industry":"SaaS","country":"US"}}
                """.formatted(email, companyName, domain);
    }

    /** Sends the events that qualify an ideal lead: a demo request and a pricing-page view. */
    protected void qualify(long id) {
        qualifyAt(id, NOW);
        assertThat(lead(id).get("stage").asString()).isEqualTo("mql");
    }

    /** Sends, as at {@code at}, the events that qualify an ideal lead: a demo request and a pricing-page view. */
    protected void qualifyAt(long id, Instant at) {
        Response sent = send(
                event(unique("e"), "\"leadId\":" + id, "form_submitted", at.minusSeconds(600), "{\"form\":\"demo\"}"),
                event(unique("e"), "\"leadId\":" + id, "page_view", at.minusSeconds(300), "{\"url\":\"/pricing\"}"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    }

    protected long createLead(String json) {
        Response created = postJson("/api/v1/leads", json);
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        return created.json().get("id").asLong();
    }

    protected static String event(String id, String who, String type, Instant at, String properties) {
        return "{\"eventId\":\"%s\",%s,\"type\":\"%s\",\"occurredAt\":\"%s\",\"properties\":%s}"
                .formatted(id, who, type, at, properties);
    }

    protected Response send(String... events) {
        return postJson("/api/v1/events", "{\"events\":[" + String.join(",", events) + "]}");
    }

    protected long qualifiedLead() {
        String email = unique("dana") + "@acme-" + unique("co") + ".example";
        long id = createLead(idealLead(email));
        qualify(id);
        return id;
    }

    protected JsonNode lead(long id) {
        return get("/api/v1/leads/" + id).json();
    }

    /** The types of the lead's timeline entries, without the service-level clocks' own (their actor is "sla"). */
    protected List<String> timelineTypes(long id) {
        var types = new ArrayList<String>();
        get("/api/v1/leads/" + id + "/timeline").json().forEach(e -> {
            if (!e.path("actor").asString("").equals("sla")) {
                types.add(e.get("type").asString());
            }
        });
        return types;
    }

    protected long storedEvents() {
        return jdbc.sql("select count(*) from engagement_event")
                .query(Long.class)
                .single();
    }
}
