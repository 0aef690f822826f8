package dev.baton.core.agreement;

import dev.baton.core.lead.EngagementEvent;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Picks events of one type whose properties match every given pattern (case-insensitive, found anywhere). */
public record EventMatcher(String eventType, Map<String, Pattern> where) {

    public EventMatcher {
        if (eventType.isBlank()) {
            throw new IllegalArgumentException("an event matcher needs an event type");
        }
        where = Map.copyOf(where);
    }

    public static EventMatcher of(String eventType, Map<String, String> where) {
        var patterns = new TreeMap<String, Pattern>();
        where.forEach((property, regex) ->
                patterns.put(property, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        return new EventMatcher(eventType, patterns);
    }

    public boolean matches(EngagementEvent event) {
        if (!eventType.equals(event.type())) {
            return false;
        }
        for (var entry : where.entrySet()) {
            String value = event.properties().get(entry.getKey());
            if (value == null || !entry.getValue().matcher(value).find()) {
                return false;
            }
        }
        return true;
    }

    public String describe() {
        if (where.isEmpty()) {
            return eventType;
        }
        return eventType + " where "
                + new TreeMap<>(where)
                        .entrySet().stream()
                                .map(e -> e.getKey() + " ~ " + e.getValue().pattern())
                                .collect(Collectors.joining(" and "));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventMatcher that
                && eventType.equals(that.eventType)
                && describe().equals(that.describe());
    }

    @Override
    public int hashCode() {
        return describe().hashCode();
    }
}
