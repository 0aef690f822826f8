package dev.baton.core.metrics;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One question to a metric: over which period (from inclusive, to exclusive), as a cohort or a period figure, for
 * which slice (filters, each a dimension and the value it must have), broken down by a dimension or not, with the
 * data as of an instant (what happened later is not counted), months and weeks counted in a timezone, and the terms
 * of the active agreement some metrics read.
 */
public record MetricQuery(
        Instant from,
        Instant to,
        Basis basis,
        Map<Dimension, String> filters,
        Optional<Dimension> by,
        Instant asOf,
        ZoneId zone,
        Terms terms) {

    /** What some metrics take from the active agreement: its sales sources, and the fit score its MQL rule asks. */
    public record Terms(List<String> salesSources, int minFit) {
        public Terms {
            salesSources = List.copyOf(salesSources);
        }

        public static final Terms NONE = new Terms(List.of(), 0);
    }

    public MetricQuery {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
        filters = Map.copyOf(filters);
    }

    /** The same question with other filters and breakdown. */
    public MetricQuery slice(Map<Dimension, String> filters, Optional<Dimension> by) {
        return new MetricQuery(from, to, basis, filters, by, asOf, zone, terms);
    }
}
