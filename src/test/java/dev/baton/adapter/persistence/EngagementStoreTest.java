package dev.baton.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.engine.EngagementStore;
import dev.baton.core.lead.EngagementEvent;
import dev.baton.testing.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EngagementStoreTest extends IntegrationTest {

    @Autowired
    EngagementStore engagement;

    @Test
    void eventsOlderThanTheHorizonAreLeftOutUnlessTheirTypeCountsForeverAndOnlyTheTypesAskedForAreRead() {
        Instant now = Instant.parse("2026-11-20T15:00:00Z");
        String email = "horizon-" + UUID.randomUUID() + "@gmail.com";
        String events = "{\"events\":["
                + event("old-view", email, "page_view", now.minus(Duration.ofDays(40))) + ","
                + event("old-unsubscribe", email, "email_unsubscribed", now.minus(Duration.ofDays(90))) + ","
                + event("recent-view", email, "page_view", now.minus(Duration.ofDays(2))) + "]}";
        clock.set(now);
        long lead = postJson("/api/v1/events", events)
                .json()
                .at("/results/0/leadId")
                .asLong();

        List<EngagementEvent> loaded = engagement
                .ofLeads(
                        List.of(lead),
                        Optional.of(now.minus(Duration.ofDays(30))),
                        Set.of("email_unsubscribed"),
                        Set.of("page_view", "email_unsubscribed"))
                .get(lead);
        List<EngagementEvent> all = engagement
                .ofLeads(List.of(lead), Optional.empty(), Set.of(), Set.of("page_view", "email_unsubscribed"))
                .get(lead);
        List<EngagementEvent> unsubscribes = engagement
                .ofLeads(List.of(lead), Optional.empty(), Set.of(), Set.of("email_unsubscribed"))
                .get(lead);

        assertThat(loaded).extracting(EngagementEvent::type).containsExactly("email_unsubscribed", "page_view");
        assertThat(loaded.get(1).id()).startsWith("recent-view-");
        assertThat(all).hasSize(3);
        assertThat(unsubscribes)
                .as("the types not asked for are left out")
                .extracting(EngagementEvent::id)
                .allSatisfy(id -> assertThat(id).startsWith("old-unsubscribe-"));
    }

    private static String event(String id, String email, String type, Instant at) {
        return "{\"eventId\":\"" + id + "-" + UUID.randomUUID() + "\",\"email\":\"" + email + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + at + "\"}";
    }
}
