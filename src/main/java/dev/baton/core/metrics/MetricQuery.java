package dev.baton.core.metrics;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One question to a metric: over which period (from inclusive, to exclusive), as a cohort or a period figure, for
 * which slice (filters, each a dimension and the value it must have), broken down by a dimension or not, with the
 * data as of an instant (what happened later is not counted), months and weeks counted in a timezone.
 */
public record MetricQuery(
        Instant from,
        Instant to,
        Basis basis,
        Map<Dimension, String> filters,
        Optional<Dimension> by,
        Instant asOf,
        ZoneId zone,
        List<String> salesSources) {

    public MetricQuery {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
        filters = Map.copyOf(filters);
        salesSources = List.copyOf(salesSources);
    }
}
