package dev.baton.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.agreement.Target;
import dev.baton.core.metrics.Measure;
import dev.baton.core.metrics.Metric;
import dev.baton.core.metrics.Owner;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When {@code baton check --against} calls a target far from what the history supports. */
class TargetCheckTest {

    private static final String PERIOD = "from 2026-08-01 to 2026-10-31";

    private static Target atLeast(Metric metric, Metric.Kind kind, String value, String text) {
        return new Target(
                metric, Owner.MARKETING, Optional.of(new Measure(kind, new BigDecimal(value), text)), Optional.empty());
    }

    private static Target atMost(Metric metric, Metric.Kind kind, String value, String text) {
        return new Target(
                metric, Owner.SALES, Optional.empty(), Optional.of(new Measure(kind, new BigDecimal(value), text)));
    }

    @Test
    void anAtLeastHalfAgainAboveTheHistoryIsFarAboveIt() {
        Target mqls = atLeast(Metric.MQLS_PER_MONTH, Metric.Kind.COUNT, "300", "300");

        assertThat(TargetCheck.against(mqls, 200, PERIOD)).isEmpty();
        assertThat(TargetCheck.against(mqls, 199, PERIOD))
                .contains("mqls-per-month: at-least 300 is far above the 199 measured " + PERIOD + " (1.5× it)");
        assertThat(TargetCheck.against(mqls, 0, PERIOD))
                .contains("mqls-per-month: at-least 300 is far above the 0 measured " + PERIOD);
    }

    @Test
    void anAtLeastBelowHalfTheHistoryWouldBeMetWithoutTrying() {
        Target acceptance = atLeast(Metric.ACCEPTANCE_RATE, Metric.Kind.PERCENT, "0.40", "40%");

        assertThat(TargetCheck.against(acceptance, 0.80, PERIOD)).isEmpty();
        assertThat(TargetCheck.against(acceptance, 0.81, PERIOD))
                .contains("acceptance-rate: at-least 40% is less than half the 81% measured " + PERIOD
                        + "; it would be met without trying");
    }

    @Test
    void anAtMostDurationIsComparedInHours() {
        // 2 hours, where 3.5 hours were measured: 1.75 times over
        Target response = atMost(Metric.MEDIAN_RESPONSE_TIME, Metric.Kind.DURATION, "120", "2h");

        assertThat(TargetCheck.against(response, 3.0, PERIOD)).isEmpty();
        assertThat(TargetCheck.against(response, 3.5, PERIOD))
                .contains("median-response-time: at-most 2h is far below the 3.5h measured " + PERIOD + " (1.8× it)");
        assertThat(TargetCheck.against(response, 0.9, PERIOD))
                .contains("median-response-time: at-most 2h is more than twice the 0.9h measured " + PERIOD
                        + "; it would be met without trying");
    }
}
