package dev.baton.core.simulation;

import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lead.Facts;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One lead as a replay reads it: what rules can test about it, when it was created, its engagement in time order, and
 * what really happened to it.
 */
public record LeadHistory(long id, Facts facts, Instant createdAt, List<EngagementEvent> events, Outcome outcome) {

    public LeadHistory {
        events = events.stream()
                .sorted(Comparator.comparing(EngagementEvent::occurredAt))
                .toList();
    }
}
