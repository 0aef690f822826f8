package dev.baton.core.agreement;

import java.util.LinkedHashMap;
import java.util.Map;

/** A rule that takes points away: from a field (free-mail domain, competitor) or from any event ever seen (unsubscribe). */
public sealed interface NegativeRule extends Clause {

    String name();

    int points();

    @Override
    default String key() {
        return name();
    }

    private static void check(String name, int points) {
        Names.requireName(name);
        if (points > -1 || points < -1000) {
            throw new IllegalArgumentException("negative rule " + name + ": points must be -1000..-1, not " + points);
        }
    }

    /** Applies when the lead's facts pass the condition. */
    record OnField(String name, int points, Condition condition) implements NegativeRule {
        public OnField {
            check(name, points);
        }

        @Override
        public Map<String, String> attributes() {
            var map = new LinkedHashMap<String, String>();
            map.put("test", condition.describe());
            map.put("points", Integer.toString(points));
            return map;
        }
    }

    /** Applies once when any matching event has ever happened. */
    record OnEvent(String name, int points, EventMatcher event) implements NegativeRule {
        public OnEvent {
            check(name, points);
        }

        @Override
        public Map<String, String> attributes() {
            var map = new LinkedHashMap<String, String>();
            map.put("event", event.describe());
            map.put("points", Integer.toString(points));
            return map;
        }
    }
}
