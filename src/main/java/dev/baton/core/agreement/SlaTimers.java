package dev.baton.core.agreement;

import dev.baton.core.calendar.Span;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The service-level timers of the handoff. Business spans run on the agreement's calendar. */
public record SlaTimers(
        Optional<Span> routeWithin,
        Optional<Span> acceptWithin,
        Optional<Span> firstTouchWithin,
        Optional<Span> priorityFirstTouchWithin,
        Optional<Attempts> attempts,
        Optional<Span> dispositionWithin,
        Optional<Span> remindBefore,
        Optional<String> escalateTo,
        Optional<Span> reassignAfter)
        implements Clause {

    /**
     * The contact attempts that must be made within a span before a lead may be called unresponsive, and the reason
     * code it is then closed with.
     */
    public record Attempts(int atLeast, Span within, Optional<String> reason) {
        public Attempts {
            if (atLeast < 1) {
                throw new IllegalArgumentException("attempts: at-least must be 1 or more");
            }
        }

        @Override
        public String toString() {
            return atLeast + " within " + within
                    + reason.map(r -> ", then " + r).orElse("");
        }
    }

    public static SlaTimers none() {
        return new SlaTimers(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    @Override
    public String key() {
        return "sla";
    }

    @Override
    public Map<String, String> attributes() {
        var map = new LinkedHashMap<String, String>();
        map.put("route-within", text(routeWithin));
        map.put("accept-within", text(acceptWithin));
        map.put("first-touch-within", text(firstTouchWithin));
        map.put("priority-first-touch-within", text(priorityFirstTouchWithin));
        map.put("attempts", text(attempts));
        map.put("disposition-within", text(dispositionWithin));
        map.put("remind-before", text(remindBefore));
        map.put("escalate-to", text(escalateTo));
        map.put("reassign-after", text(reassignAfter));
        return map;
    }

    private static String text(Optional<?> value) {
        return value.map(Object::toString).orElse("none");
    }
}
