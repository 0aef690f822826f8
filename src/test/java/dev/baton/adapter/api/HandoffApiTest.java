package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HandoffApiTest extends LeadScenarios {

    private long leadWithFiftyEvents() {
        long id = createLead(idealLead(unique("h") + "@handoff-" + unique("c") + ".example"));
        var events = new ArrayList<String>();
        String[] urls = {"/pricing", "/blog/routing", "/docs/api", "/customers"};
        for (int i = 0; i < 50; i++) {
            Instant at = NOW.minus(Duration.ofHours(3L * (50 - i)));
            String type = i % 10 == 9 ? "form_submitted" : i % 7 == 3 ? "email_clicked" : "page_view";
            String props = type.equals("form_submitted")
                    ? "{\"form\":\"demo\"}"
                    : type.equals("page_view") ? "{\"url\":\"" + urls[i % urls.length] + "\"}" : "{}";
            events.add(event("handoff-" + id + "-" + i, "\"leadId\":" + id, type, at, props));
        }
        java.util.Collections.shuffle(events, new java.util.Random(7));
        assertThat(send(events.toArray(String[]::new)).json().get("stored").asInt())
                .isEqualTo(50);
        return id;
    }

    @Test
    void handoffPacketListsEveryTouchpointInOrderWithABreakdownThatSumsToTheScore() {
        long id = leadWithFiftyEvents();

        JsonNode packet = get("/api/v1/leads/" + id + "/handoff").json();

        JsonNode touchpoints = packet.get("touchpoints");
        assertThat(touchpoints).hasSize(50);
        List<Instant> times = touchpoints
                .valueStream()
                .map(t -> Instant.parse(t.get("occurredAt").asString()))
                .toList();
        assertThat(times).isSorted();
        assertThat(touchpoints.get(0).get("id").asString()).isEqualTo("handoff-" + id + "-0");
        int sum = packet.at("/score/lines")
                .valueStream()
                .mapToInt(l -> l.get("points").asInt())
                .sum();
        // fit 50; the demo requests, pricing views, email clicks and site visits each reach their rule's cap:
        // 30 + 30 + 10 + 10
        assertThat(packet.at("/score/fit").asInt()).isEqualTo(50);
        assertThat(packet.at("/score/intent").asInt()).isEqualTo(80);
        assertThat(sum).isEqualTo(130);
        assertThat(packet.get("whyQualified").asString()).startsWith("qualified:");
        assertThat(packet.at("/routing/owner").asString()).endsWith("@northwind.example");
        assertThat(packet.at("/routing/why").asString()).contains("rule north-america matched");
        assertThat(packet.get("agreementVersion").asInt()).isEqualTo(version);
        assertThat(packet.get("summary")
                        .valueStream()
                        .mapToInt(s -> s.get("count").asInt())
                        .sum())
                .isEqualTo(50);
    }

    @Test
    void handoffPacketReadsAsTextForAnEmailOrAChat() {
        long id = leadWithFiftyEvents();

        String text = getText("/api/v1/leads/" + id + "/handoff");

        assertThat(text)
                .startsWith("MQL handoff: Dana Reyes, VP Marketing at handoff-")
                .contains("Why now: qualified: score")
                .contains("(agreement version " + version + ")")
                .contains("PRIORITY:")
                .contains("Owner: ")
                .contains("Touchpoints (50):")
                .contains("form_submitted demo")
                .contains("  +15  company-size");
    }
}
