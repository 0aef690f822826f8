package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.engine.DueClocks;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The operational metrics at /actuator/prometheus: what the engine did, counted as it happened. */
class MetricsTest extends LeadScenarios {

    @Autowired
    DueClocks timers;

    @Test
    void ingestQualificationRoutingAndClocksAreCountedAndTheTimersLatenessMeasured() {
        long id = qualifiedLead(); // Friday 20 November, 10:00 in New York
        clock.set(Instant.parse("2026-11-20T20:00:00Z"));
        timers.drain(100);

        String metrics = getText("/actuator/prometheus");

        assertThat(lead(id).get("stage").asString()).isEqualTo("mql");
        assertThat(metrics)
                .contains("baton_events_ingested_total{result=\"stored\"}")
                .contains("baton_mqls_total")
                .contains("baton_routing_decisions_total{outcome=\"assigned\"}")
                .contains("baton_sla_clock_events_total{clock=\"accept\",event=\"started\"}")
                .contains("baton_sla_clock_events_total{clock=\"accept\",event=\"breached\"}")
                .contains("baton_sla_timer_lateness_seconds_count{event=\"breached\"}")
                .contains("baton_notifications_backlog")
                .contains("baton_sla_due");
        // a priority lead: first touch within 2h (due 17:00 UTC) and accept within 4 business hours (due 19:00 UTC),
        // both breaches acted on at 20:00
        assertThat(value(metrics, "baton_sla_timer_lateness_seconds_count{event=\"breached\"}"))
                .isEqualTo(2.0);
        assertThat(value(metrics, "baton_sla_timer_lateness_seconds_max{event=\"breached\"}"))
                .isEqualTo(3 * 3600.0);
        assertThat(getWithoutToken("/actuator/prometheus").status()).isEqualTo(401);
    }

    private static double value(String metrics, String series) {
        return metrics.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + series + " in " + metrics));
    }
}
