package dev.baton.core.agreement;

import dev.baton.core.metrics.Measure;
import dev.baton.core.metrics.Metric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A program-level alarm: when any trigger fires, the named roles are told (and maybe an ICP review opens). */
public record Escalation(String name, List<Trigger> when, List<String> notifyRoles, Action action) implements Clause {

    /** What an escalation does beyond notifying. */
    public enum Action {
        NOTIFY,
        OPEN_ICP_REVIEW;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** How a trigger compares a metric. */
    public enum Comparison {
        BELOW,
        ABOVE,
        BELOW_TARGET_BY;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A metric crossing a line, for a number of months running. */
    public record Trigger(Metric metric, Comparison comparison, Measure value, int forMonths) {
        public Trigger {
            if (forMonths < 1) {
                throw new IllegalArgumentException("for-months must be 1 or more");
            }
            if (comparison == Comparison.BELOW_TARGET_BY) {
                if (value.kind() != Metric.Kind.PERCENT) {
                    throw new IllegalArgumentException("below-target-by is a percentage");
                }
            } else {
                Target.requireKind(metric, value);
            }
        }

        public String describe() {
            return metric.id() + " " + comparison.word() + " " + value.text()
                    + (forMonths > 1 ? " for " + forMonths + " months" : "");
        }
    }

    public Escalation {
        Names.requireName(name);
        when = List.copyOf(when);
        notifyRoles = List.copyOf(notifyRoles);
        if (when.isEmpty()) {
            throw new IllegalArgumentException("escalation " + name + " needs a trigger");
        }
        if (notifyRoles.isEmpty()) {
            throw new IllegalArgumentException("escalation " + name + " needs someone to notify");
        }
    }

    @Override
    public String key() {
        return name;
    }

    @Override
    public Map<String, String> attributes() {
        var map = new LinkedHashMap<String, String>();
        map.put("when", when.stream().map(Trigger::describe).collect(Collectors.joining(" or ")));
        map.put("notify", String.join(", ", notifyRoles));
        map.put("action", action.word());
        return map;
    }
}
