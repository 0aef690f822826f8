package dev.baton.core.metrics;

import java.util.List;
import java.util.Optional;

/**
 * A metric's figure for one query: the value (a fraction for percentages, hours for durations), the numerator and
 * denominator it is made of where it is a ratio, how many handoff cycles it counted, and the parts of a breakdown,
 * each with the same figures. A value is empty where there is nothing to compute it from (no MQLs, no touched MQLs).
 */
public record MetricResult(Figure total, List<Part> parts) {

    public MetricResult {
        parts = List.copyOf(parts);
    }

    /** The figures of the whole or of one part. */
    public record Figure(
            Optional<Double> value, Optional<Double> numerator, Optional<Double> denominator, long count) {}

    /** One part of a breakdown: its key ({@code (none)} for cycles without a value) and its figures. */
    public record Part(String key, Figure figure) {}
}
