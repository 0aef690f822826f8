package dev.baton.core.metrics;

import java.math.BigDecimal;

/**
 * A value of a metric as the agreement writes it. {@code value} is normalised: a fraction for percentages (70% is
 * 0.70), minutes for durations, the multiple for ratios, the count for counts.
 */
public record Measure(Metric.Kind kind, BigDecimal value, String text) implements Comparable<Measure> {

    public Measure {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("a measure is never negative: " + text);
        }
        if (kind == Metric.Kind.PERCENT && value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a percentage is at most 100%: " + text);
        }
    }

    /** The value in the unit the metrics' figures are given in: durations in hours, everything else as it is. */
    public double inFigures() {
        double figure = value.doubleValue();
        return kind == Metric.Kind.DURATION ? figure / 60 : figure;
    }

    @Override
    public int compareTo(Measure other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return text;
    }
}
