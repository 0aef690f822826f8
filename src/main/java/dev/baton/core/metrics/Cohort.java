package dev.baton.core.metrics;

import java.util.List;
import java.util.Optional;

/**
 * The MQLs of one month or week and how far they have come by now: for each stage, how many reached it, their share
 * of the cohort, and the median time it took them from the MQL.
 */
public record Cohort(String key, long mqls, List<Reached> stages) {

    public Cohort {
        stages = List.copyOf(stages);
    }

    /** One stage of a cohort. */
    public record Reached(Moment stage, long count, Optional<Double> share, Optional<Double> medianHours) {}
}
