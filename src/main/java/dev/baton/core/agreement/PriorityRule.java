package dev.baton.core.agreement;

import dev.baton.core.calendar.Span;
import java.util.Map;
import java.util.Optional;

/** Flags a hot lead for a faster service level. */
public sealed interface PriorityRule extends Clause {

    String name();

    @Override
    default String key() {
        return name();
    }

    /** Hot when the total score reaches a level. */
    record ScoreAtLeast(String name, int score) implements PriorityRule {
        public ScoreAtLeast {
            Names.requireName(name);
            if (score < 0 || score > 1000) {
                throw new IllegalArgumentException("priority " + name + ": score-at-least must be 0..1000");
            }
        }

        @Override
        public Map<String, String> attributes() {
            return Map.of("when", "score at least " + score);
        }
    }

    /** Hot when an intent rule has a matching event recently. */
    record RecentSignal(String name, String signal, Optional<Span> within) implements PriorityRule {
        public RecentSignal {
            Names.requireName(name);
        }

        @Override
        public Map<String, String> attributes() {
            return Map.of("when", signal + within.map(w -> " within " + w).orElse(""));
        }
    }
}
