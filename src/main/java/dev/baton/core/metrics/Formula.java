package dev.baton.core.metrics;

import java.time.Duration;
import java.util.Optional;

/** How a metric is computed from the funnel's cycles, in terms the adapter turns into SQL. */
public sealed interface Formula {

    /** The statistic a duration or amount metric reports. */
    enum Statistic {
        MEAN,
        MEDIAN,
        P90,
        SUM
    }

    /** Cycles whose moment falls in the period; per month or per week when {@code per} is set. */
    record Count(Moment moment, Optional<Grain> per) implements Formula {}

    /**
     * Of the cycles that reached {@code from}, the share that reached {@code to}. As a cohort figure (the default):
     * of the cycles that reached {@code from} in the period, those that reached {@code to} at any time until the end
     * of the data. As a period figure: cycles reaching {@code to} in the period ÷ cycles reaching {@code from} in it.
     */
    record Conversion(Moment from, Moment to) implements Formula {}

    /** Of the cycles that reached {@code from} in the period, the share that reached {@code to} within a time. */
    record ReachedWithin(Moment from, Moment to, Duration within) implements Formula {}

    /** The time from one moment to a later one, over the cycles that reached the later one in the period. */
    record Elapsed(Moment from, Moment to, Statistic statistic) implements Formula {}

    /** Of the cycles whose moment falls in the period, the share that recorded a reason code with it. */
    record WithReason(Moment moment) implements Formula {}

    /** The opportunity amounts of the cycles whose moment falls in the period. */
    record Amount(Moment moment, Statistic statistic) implements Formula {}

    /**
     * The time from the MQL to the first touch a rep logged, on the wall clock or in business time on the calendar
     * of the rep who held the lead, over the cycles that qualified in the period and have been touched.
     */
    record ResponseTime(Statistic statistic, boolean business) implements Formula {}

    /**
     * Of the service-level clocks of the cycles that qualified in the period that have been decided (met or
     * breached, not stopped or still running), the share met on time; one kind of clock (route, accept, first-touch,
     * attempts, disposition), or all.
     */
    record ClockCompliance(Optional<String> clock) implements Formula {}

    /**
     * Of the pipeline created in the period (opportunity amounts), the share whose lead's source is a marketing
     * source: set, and not one of the agreement's sales sources.
     */
    record SourcedShare() implements Formula {}

    /**
     * Of the cycles that qualified in the period with a known fit score, the share whose fit score met the active
     * agreement's {@code mql.min-fit}.
     */
    record FitShare() implements Formula {}

    /** How a deal's amount is credited to marketing and its campaigns. */
    enum Credit {
        /**
         * The deal's lead came from a marketing source (set, and not one of the agreement's sales sources); all of
         * its amount goes to the lead's first campaign touch.
         */
        SOURCED,
        /**
         * A campaign touched the deal's lead before its opportunity opened, whatever the source; the amount is split
         * evenly between the campaigns that did.
         */
        INFLUENCED
    }

    /** The opportunity amounts of the cycles whose moment falls in the period that marketing sourced or influenced. */
    record Attributed(Moment moment, Credit credit) implements Formula {}

    /**
     * Marketing spend in the period (each month's spend for the share of its days the period covers, up to now)
     * divided by the cycles whose moment falls in the period; by source or campaign, each one's spend by its own.
     */
    record CostPer(Moment moment) implements Formula {}

    /** The pipeline created in the period as a multiple of the won-revenue target for the period. */
    record Coverage() implements Formula {}

    /** The unit a per-period count is averaged over. */
    enum Grain {
        WEEK,
        MONTH
    }
}
