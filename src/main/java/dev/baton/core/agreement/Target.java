package dev.baton.core.agreement;

import dev.baton.core.metrics.Measure;
import dev.baton.core.metrics.Metric;
import dev.baton.core.metrics.Owner;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A shared number with an owner: at least, at most, or a band. */
public record Target(Metric metric, Owner owner, Optional<Measure> atLeast, Optional<Measure> atMost)
        implements Clause {

    public Target {
        if (atLeast.isEmpty() && atMost.isEmpty()) {
            throw new IllegalArgumentException("target " + metric.id() + " needs at-least or at-most");
        }
        atLeast.ifPresent(m -> requireKind(metric, m));
        atMost.ifPresent(m -> requireKind(metric, m));
        if (atLeast.isPresent() && atMost.isPresent() && atLeast.get().compareTo(atMost.get()) > 0) {
            throw new IllegalArgumentException(
                    "target " + metric.id() + ": at-least " + atLeast.get() + " is above at-most " + atMost.get());
        }
    }

    static void requireKind(Metric metric, Measure measure) {
        if (measure.kind() != metric.kind()) {
            throw new IllegalArgumentException(
                    metric.id() + " is measured as " + metric.kind().example() + ", not " + measure.text());
        }
    }

    @Override
    public String key() {
        return metric.id();
    }

    @Override
    public Map<String, String> attributes() {
        var map = new LinkedHashMap<String, String>();
        map.put("owner", owner.word());
        map.put("at-least", atLeast.map(Measure::text).orElse("none"));
        map.put("at-most", atMost.map(Measure::text).orElse("none"));
        return map;
    }
}
