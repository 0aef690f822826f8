package dev.baton.core.lead;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One piece of engagement evidence: a page view, a form fill, a webinar attended, an email click. */
public record EngagementEvent(String id, String type, Instant occurredAt, Map<String, String> properties) {

    public EngagementEvent {
        if (id.isBlank()) {
            throw new IllegalArgumentException("an event needs an id");
        }
        if (type.isBlank()) {
            throw new IllegalArgumentException("an event needs a type");
        }
        properties = Map.copyOf(properties);
    }

    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }
}
