package dev.baton.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.agreement.Target;
import dev.baton.core.metrics.Measure;
import dev.baton.core.metrics.Metric;
import dev.baton.core.metrics.Owner;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scorecard's status rule, as Scorecards.RULE states it. */
class ScorecardStatusTest {

    private static Measure measure(Metric.Kind kind, String value, String text) {
        return new Measure(kind, new BigDecimal(value), text);
    }

    @Test
    void anAtLeastIsAtRiskWithinATenthBelowAndOffTrackFurther() {
        var target = new Target(
                Metric.MQLS_PER_MONTH,
                Owner.MARKETING,
                Optional.of(measure(Metric.Kind.COUNT, "100", "100")),
                Optional.empty());

        assertThat(Scorecards.status(target, 100)).isEqualTo(Scorecards.Status.ON_TRACK);
        assertThat(Scorecards.status(target, 140)).isEqualTo(Scorecards.Status.ON_TRACK);
        assertThat(Scorecards.status(target, 90)).isEqualTo(Scorecards.Status.AT_RISK);
        assertThat(Scorecards.status(target, 89.9)).isEqualTo(Scorecards.Status.OFF_TRACK);
    }

    @Test
    void anAtMostDurationIsWrittenInMinutesAndComparedInHours() {
        var target = new Target(
                Metric.AVERAGE_RESPONSE_TIME,
                Owner.SALES,
                Optional.empty(),
                Optional.of(measure(Metric.Kind.DURATION, "1440", "24h")));

        assertThat(Scorecards.status(target, 23.5)).isEqualTo(Scorecards.Status.ON_TRACK);
        assertThat(Scorecards.status(target, 26.4)).isEqualTo(Scorecards.Status.AT_RISK);
        assertThat(Scorecards.status(target, 26.5)).isEqualTo(Scorecards.Status.OFF_TRACK);
    }

    @Test
    void aBandIsMissedOnEitherSide() {
        var target = new Target(
                Metric.MQL_TO_WON_RATE,
                Owner.SHARED,
                Optional.of(measure(Metric.Kind.PERCENT, "0.04", "4%")),
                Optional.of(measure(Metric.Kind.PERCENT, "0.06", "6%")));

        assertThat(Scorecards.status(target, 0.05)).isEqualTo(Scorecards.Status.ON_TRACK);
        assertThat(Scorecards.status(target, 0.037)).isEqualTo(Scorecards.Status.AT_RISK);
        assertThat(Scorecards.status(target, 0.065)).isEqualTo(Scorecards.Status.AT_RISK);
        assertThat(Scorecards.status(target, 0.03)).isEqualTo(Scorecards.Status.OFF_TRACK);
        assertThat(Scorecards.status(target, 0.07)).isEqualTo(Scorecards.Status.OFF_TRACK);
    }
}
