package dev.baton.core.simulation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What really happened to a lead, over all its handoff cycles: when it was recorded as an MQL, whether it ever
 * reached SQL, an opportunity and a won deal, and the amounts of its won deals by currency.
 */
public record Outcome(
        List<Instant> qualifiedAt, boolean sql, boolean opportunity, boolean won, Map<String, BigDecimal> revenue) {

    public static final Outcome NONE = new Outcome(List.of(), false, false, false, Map.of());

    public Outcome {
        qualifiedAt = List.copyOf(qualifiedAt);
        revenue = Map.copyOf(revenue);
    }
}
