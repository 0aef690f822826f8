package dev.baton.core.agreement;

import dev.baton.core.calendar.Span;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What sales must record before a lead is a sales-qualified lead (BANT). */
public record SqlRequirements(Set<Bant> require, Optional<Span> timelineWithin) implements Clause {

    /** Budget, authority, need, timeline. */
    public enum Bant {
        BUDGET,
        AUTHORITY,
        NEED,
        TIMELINE;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SqlRequirements {
        require = require.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(require));
    }

    public static SqlRequirements none() {
        return new SqlRequirements(Set.of(), Optional.empty());
    }

    @Override
    public String key() {
        return "sql";
    }

    @Override
    public Map<String, String> attributes() {
        var map = new LinkedHashMap<String, String>();
        map.put(
                "require",
                EnumSet.copyOf(require.isEmpty() ? EnumSet.noneOf(Bant.class) : require).stream()
                        .map(Bant::word)
                        .collect(Collectors.joining(", ")));
        map.put("timeline-within", timelineWithin.map(Span::toString).orElse("none"));
        return map;
    }
}
