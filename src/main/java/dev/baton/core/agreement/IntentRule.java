package dev.baton.core.agreement;

import dev.baton.core.calendar.Span;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Points per matching engagement event, limited by a cap, counted inside a rolling window, and fading with a
 * half-life. Each intent rule is also a distinct intent signal for the MQL rule.
 */
public record IntentRule(
        String name, EventMatcher event, int points, OptionalInt cap, Optional<Span> window, Optional<Span> halfLife)
        implements Clause {

    public IntentRule {
        Names.requireName(name);
        if (points < 1 || points > 1000) {
            throw new IllegalArgumentException("intent rule " + name + ": points must be 1..1000, not " + points);
        }
        if (cap.isPresent() && cap.getAsInt() < points) {
            throw new IllegalArgumentException(
                    "intent rule " + name + ": cap " + cap.getAsInt() + " is below the points per event " + points);
        }
    }

    @Override
    public String key() {
        return name;
    }

    @Override
    public Map<String, String> attributes() {
        var map = new LinkedHashMap<String, String>();
        map.put("event", event.describe());
        map.put("points", Integer.toString(points));
        map.put("cap", cap.isPresent() ? Integer.toString(cap.getAsInt()) : "none");
        map.put("window", window.map(Span::toString).orElse("none"));
        map.put("half-life", halfLife.map(Span::toString).orElse("none"));
        return map;
    }
}
