package dev.baton.core.lead;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An engagement event as a caller sends it: its own id (for idempotency), who it is about — a lead id, an email, an
 * anonymous visitor id, or a visitor being identified (visitor id plus lead) — its type, time and properties.
 */
public record RawEvent(
        String eventId,
        Optional<Long> leadId,
        Optional<Email> email,
        Optional<String> visitorId,
        String type,
        Instant occurredAt,
        Map<String, String> properties) {

    public RawEvent {
        if (eventId.isBlank() || type.isBlank()) {
            throw new IllegalArgumentException("an event needs an id and a type");
        }
        if (leadId.isEmpty() && email.isEmpty() && visitorId.isEmpty()) {
            throw new IllegalArgumentException("an event needs a lead id, an email or a visitor id");
        }
        properties = Map.copyOf(properties);
        occurredAt = occurredAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    public EngagementEvent engagement() {
        return new EngagementEvent(eventId, type, occurredAt, properties);
    }
}
