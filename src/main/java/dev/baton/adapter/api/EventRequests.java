package dev.baton.adapter.api;

import dev.baton.core.agreement.Names;
import dev.baton.core.lead.Email;
import dev.baton.core.lead.RawEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The JSON shape of an event batch, checked field by field before anything is written. */
final class EventRequests {

    static final int MAX_BATCH = 1000;

    private EventRequests() {}

    /** A batch of up to 1,000 events. */
    record EventBatch(@Nullable List<EventRequest> events) {}

    /** One event: who it is about (lead id, email or visitor id), what, when, and its properties. */
    record EventRequest(
            @Nullable String eventId,
            @Nullable Long leadId,
            @Nullable String email,
            @Nullable String visitorId,
            @Nullable String type,
            @Nullable Instant occurredAt,
            @Nullable Map<String, String> properties) {}

    static List<RawEvent> toEvents(EventBatch batch) {
        var errors = new InvalidFields.Collector();
        List<EventRequest> events = batch.events();
        if (events == null || events.isEmpty()) {
            errors.add("events", "a batch holds 1 to " + MAX_BATCH + " events");
            errors.throwIfAny();
        }
        if (events.size() > MAX_BATCH) {
            errors.add("events", "a batch holds at most " + MAX_BATCH + " events, not " + events.size());
            errors.throwIfAny();
        }
        var raw = new ArrayList<RawEvent>();
        for (int i = 0; i < events.size(); i++) {
            EventRequest event = events.get(i);
            String at = "events[" + i + "]";
            if (event == null) {
                errors.add(at, at + " is empty");
                continue;
            }
            toEvent(event, at, errors).ifPresent(raw::add);
        }
        errors.throwIfAny();
        return raw;
    }

    private static Optional<RawEvent> toEvent(EventRequest event, String at, InvalidFields.Collector errors) {
        boolean ok = true;
        if (event.eventId() == null
                || event.eventId().isBlank()
                || event.eventId().length() > 200) {
            errors.add(at + ".eventId", at + ".eventId is required (up to 200 characters): it makes replays safe");
            ok = false;
        }
        if (event.type() == null || event.type().isBlank()) {
            errors.add(at + ".type", at + ".type is required: a lower-case word joined by _, like page_view");
            ok = false;
        } else if (!Names.EVENT_TYPE.matcher(event.type()).matches()) {
            errors.add(
                    at + ".type",
                    at + ".type '" + JsonInput.visible(event.type())
                            + "' is not a valid event type: a lower-case word joined by _, like page_view");
            ok = false;
        }
        if (event.occurredAt() == null) {
            errors.add(at + ".occurredAt", at + ".occurredAt is required: when it happened, like 2026-11-20T15:00:00Z");
            ok = false;
        }
        Optional<Email> email = Optional.empty();
        if (event.email() != null) {
            email = Email.parse(event.email());
            if (email.isEmpty()) {
                errors.add(at + ".email", "'" + event.email() + "' is not an email address");
                ok = false;
            }
        }
        Optional<String> visitor = Optional.ofNullable(event.visitorId()).filter(v -> !v.isBlank());
        if (event.leadId() == null && event.email() == null && visitor.isEmpty()) {
            errors.add(at, at + " needs a leadId, an email or a visitorId");
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new RawEvent(
                event.eventId(),
                Optional.ofNullable(event.leadId()),
                email,
                visitor,
                event.type(),
                event.occurredAt(),
                properties(event.properties())));
    }

    private static Map<String, String> properties(@Nullable Map<String, String> properties) {
        var present = new java.util.TreeMap<String, String>();
        if (properties != null) {
            properties.forEach((key, value) -> {
                if (value != null) {
                    present.put(key, value);
                }
            });
        }
        return present;
    }
}
