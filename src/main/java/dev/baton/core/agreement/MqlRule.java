package dev.baton.core.agreement;

import dev.baton.core.calendar.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** When a lead becomes a marketing-qualified lead: a score threshold, a minimum fit, and enough distinct signals. */
public record MqlRule(int threshold, int minFit, Optional<Signals> signals) implements Clause {

    /** At least {@code atLeast} of the named intent rules must have fired within {@code within}. */
    public record Signals(int atLeast, List<String> of, Span within) {
        public Signals {
            if (atLeast < 1) {
                throw new IllegalArgumentException("signals: at-least must be 1 or more");
            }
            of = List.copyOf(of);
            if (atLeast > of.size()) {
                throw new IllegalArgumentException(
                        "signals: at-least " + atLeast + " is more than the " + of.size() + " signals listed");
            }
        }
    }

    public MqlRule {
        if (threshold < 0 || threshold > 1000) {
            throw new IllegalArgumentException("mql threshold must be 0..1000, not " + threshold);
        }
        if (minFit < 0 || minFit > 1000) {
            throw new IllegalArgumentException("mql min-fit must be 0..1000, not " + minFit);
        }
    }

    @Override
    public String key() {
        return "mql";
    }

    @Override
    public Map<String, String> attributes() {
        var map = new LinkedHashMap<String, String>();
        map.put("threshold", Integer.toString(threshold));
        map.put("min-fit", Integer.toString(minFit));
        map.put(
                "signals",
                signals.map(s -> s.atLeast() + " of " + String.join(", ", s.of()) + " within " + s.within())
                        .orElse("none"));
        return map;
    }
}
