package dev.baton.core.metrics;

import java.time.Duration;
import java.util.Locale;

/**
 * A metric's definition spelled out the same way for every metric, from its formula: what is counted over what, and
 * which moment puts a handoff cycle in the period. The API's catalogue and docs/metrics.md both show these words.
 */
public final class MetricText {

    private MetricText() {}

    /** What is counted or measured, for the default basis (cohort) or the period basis. */
    public static String numerator(Metric metric, Basis basis) {
        Formula formula = metric.formula();
        if (formula instanceof Formula.Count count) {
            return "handoff cycles that reached " + count.moment().label() + " in the period";
        }
        if (formula instanceof Formula.Conversion conversion) {
            return basis == Basis.COHORT
                    ? "of those, the cycles that reached " + conversion.to().label() + " at any time since"
                    : "cycles that reached " + conversion.to().label() + " in the period";
        }
        if (formula instanceof Formula.ReachedWithin within) {
            return "of those, the cycles that reached " + within.to().label() + " within " + hours(within.within())
                    + " on the wall clock";
        }
        if (formula instanceof Formula.Elapsed elapsed) {
            return statistic(elapsed.statistic()) + " of the time from "
                    + elapsed.from().label() + " to " + elapsed.to().label();
        }
        if (formula instanceof Formula.Amount amount) {
            return statistic(amount.statistic()) + " of the opportunity amounts";
        }
        if (formula instanceof Formula.ResponseTime response) {
            return statistic(response.statistic()) + " of the time from the MQL to the first touch a rep logged, "
                    + (response.business()
                            ? "in business time on the calendar of the rep who held the lead"
                            : "on the wall clock");
        }
        if (formula instanceof Formula.ClockCompliance) {
            return "clocks met by their deadline";
        }
        if (formula instanceof Formula.SourcedShare) {
            return "the amounts of those whose lead's source is set and is not one of the agreement's sales sources";
        }
        return "the amounts of the opportunities opened in the period";
    }

    /** What it is counted over, or divided by. */
    public static String denominator(Metric metric) {
        Formula formula = metric.formula();
        if (formula instanceof Formula.Count count) {
            return count.per()
                    .map(per -> "the " + per.name().toLowerCase(Locale.ROOT) + "s in the period")
                    .orElse("—");
        }
        if (formula instanceof Formula.Conversion conversion) {
            return "cycles that reached " + conversion.from().label() + " in the period";
        }
        if (formula instanceof Formula.ReachedWithin within) {
            return "cycles that reached " + within.from().label() + " in the period and whose " + hours(within.within())
                    + " are up (or that reached " + within.to().label() + ")";
        }
        if (formula instanceof Formula.Elapsed elapsed) {
            return "cycles that reached " + elapsed.to().label() + " in the period";
        }
        if (formula instanceof Formula.WithReason reason) {
            return "cycles that reached " + reason.moment().label() + " in the period";
        }
        if (formula instanceof Formula.Amount amount) {
            return "cycles that reached " + amount.moment().label() + " in the period (with an amount)";
        }
        if (formula instanceof Formula.ResponseTime) {
            return "MQLs of the period that have been touched";
        }
        if (formula instanceof Formula.ClockCompliance compliance) {
            return compliance.clock().map(kind -> "the " + kind + " clocks").orElse("the clocks")
                    + " of the MQLs of the period that were met or breached (met late is breached)";
        }
        if (formula instanceof Formula.SourcedShare) {
            return "the amounts of the opportunities opened in the period";
        }
        return "the won-revenue target (at-least, per month) times the months of the period";
    }

    /** Which moment puts a cycle in the period. */
    public static String clock(Metric metric, Basis basis) {
        Formula formula = metric.formula();
        if (formula instanceof Formula.Count count) {
            return "the time of " + count.moment().label();
        }
        if (formula instanceof Formula.Conversion conversion) {
            return basis == Basis.COHORT
                    ? "cohort: the time of " + conversion.from().label()
                    : "period: the time of " + conversion.from().label() + " for the denominator, of "
                            + conversion.to().label() + " for the numerator";
        }
        if (formula instanceof Formula.ReachedWithin within) {
            return "cohort: the time of " + within.from().label();
        }
        if (formula instanceof Formula.Elapsed elapsed) {
            return "the time of " + elapsed.to().label();
        }
        if (formula instanceof Formula.WithReason reason) {
            return "the time of " + reason.moment().label();
        }
        if (formula instanceof Formula.Amount amount) {
            return "the time of " + amount.moment().label();
        }
        if (formula instanceof Formula.ResponseTime || formula instanceof Formula.ClockCompliance) {
            return "cohort: the time of the MQL";
        }
        return "the time the opportunity was opened";
    }

    private static String statistic(Formula.Statistic statistic) {
        return switch (statistic) {
            case MEAN -> "the mean";
            case MEDIAN -> "the median";
            case P90 -> "the 90th percentile";
            case SUM -> "the sum";
        };
    }

    private static String hours(Duration duration) {
        return duration.toHours() + " hours";
    }

    /** The unit of a metric's values as the API gives them. */
    public static String unit(Metric metric) {
        return switch (metric.kind()) {
            case COUNT ->
                metric.formula() instanceof Formula.Count count && count.per().isPresent()
                        ? "per " + count.per().get().name().toLowerCase(Locale.ROOT)
                        : "count";
            case PERCENT -> "fraction (0.25 is 25%)";
            case DURATION -> "hours";
            case RATIO -> "multiple";
            case AMOUNT -> "amount, in the currency of the opportunities";
        };
    }
}
