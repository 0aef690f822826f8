package dev.baton.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.baton.core.metrics.Basis;
import dev.baton.core.metrics.Dimension;
import dev.baton.core.metrics.Formula;
import dev.baton.core.metrics.Metric;
import dev.baton.core.metrics.MetricQuery;
import dev.baton.core.metrics.MetricResult;
import dev.baton.testing.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Properties of the metrics over generated funnels: handoff cycles with moments in order, some cut short, some
 * qualified again, across sources, reps, teams and versions, written straight into {@code funnel_cycle} (the rows
 * the projection keeps; FunnelMetricsTest checks the projection itself). Seeded ({@code -Dmetrics.seed}); a failure
 * names the seed.
 */
class MetricsProperties extends IntegrationTest {

    private static final long SEED = Long.getLong("metrics.seed", 20261202L);
    private static final Instant START = Instant.parse("2028-01-01T05:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final List<String> SOURCES = List.of("webinar", "paid_search", "organic", "referral");
    private static final List<String> REPS = List.of("alex@p.example", "sam@p.example", "kim@p.example");

    @Autowired
    JdbcClient jdbc;

    private JdbcMetrics metrics;
    private final Random random = new Random(SEED);

    @BeforeEach
    void aGeneratedFunnel() {
        metrics = new JdbcMetrics(jdbc);
        jdbc.sql("delete from funnel_cycle where lead_id in (select id from lead where email like '%@props.example')")
                .update();
        jdbc.sql("delete from lead where email like '%@props.example'").update();
        for (int lead = 0; lead < 300; lead++) {
            long id = jdbc.sql("insert into lead (email, created_at, updated_at) values (:email, :at, :at)"
                            + " returning id")
                    .param("email", "lead-" + lead + "@props.example")
                    .param("at", Timestamp.from(START))
                    .query(Long.class)
                    .single();
            Instant at = START.plus(Duration.ofHours(random.nextInt(24 * 150)));
            for (int cycle = 1; cycle <= 1 + random.nextInt(2); cycle++) {
                at = cycle(id, cycle, at);
            }
        }
    }

    /** One cycle from {@code at}: each stage reached with some chance, a little later than the one before. */
    private Instant cycle(long lead, int cycle, Instant qualified) {
        var moments = new ArrayList<String>();
        var values = new ArrayList<Object>();
        Instant at = qualified;
        boolean rejected = random.nextInt(5) == 0;
        String[] path = rejected
                ? new String[] {"rejected_at"}
                : new String[] {"accepted_at", "sql_at", "opportunity_at", "won_at"};
        for (String moment : path) {
            if (random.nextInt(3) == 0) {
                break;
            }
            at = at.plus(Duration.ofHours(1 + random.nextInt(24 * 20)));
            moments.add(moment);
            values.add(Timestamp.from(at));
        }
        Instant touched = qualified.plus(Duration.ofMinutes(random.nextInt(60 * 96)));
        var columns = new StringBuilder("lead_id, cycle, qualified_at, agreement_version, source, rep, team,"
                + " first_touch_at, amount, rejected_reason");
        var params = new StringBuilder(
                ":lead, :cycle, :qualified, :version, :source, :rep, :team, :touched, :amount," + " :reason");
        for (int i = 0; i < moments.size(); i++) {
            columns.append(", ").append(moments.get(i));
            params.append(", :m").append(i);
        }
        var statement = jdbc.sql("insert into funnel_cycle (" + columns + ") values (" + params + ")")
                .param("lead", lead)
                .param("cycle", cycle)
                .param("qualified", Timestamp.from(qualified))
                .param("version", random.nextInt(4) == 0 ? null : 1 + random.nextInt(2))
                .param("source", random.nextInt(8) == 0 ? null : SOURCES.get(random.nextInt(SOURCES.size())))
                .param("rep", random.nextInt(6) == 0 ? null : REPS.get(random.nextInt(REPS.size())))
                .param("team", random.nextBoolean() ? "na" : "emea")
                .param("touched", random.nextInt(4) == 0 ? null : Timestamp.from(touched))
                .param("amount", moments.contains("opportunity_at") ? 1000 + random.nextInt(90_000) : null)
                .param("reason", rejected && !moments.isEmpty() ? "NOT_ICP" : null);
        for (int i = 0; i < moments.size(); i++) {
            statement = statement.param("m" + i, values.get(i));
        }
        statement.update();
        return at.plus(Duration.ofDays(10 + random.nextInt(60)));
    }

    private MetricQuery query(Instant from, Instant to, Basis basis, Optional<Dimension> by, Instant asOf) {
        return new MetricQuery(from, to, basis, Map.of(), by, asOf, ZONE, MetricQuery.Terms.NONE);
    }

    /** A cohort rate counts cycles of the cohort only; a period rate can pass 100% (March's SQLs of February's MQLs). */
    @Test
    void everyCohortRateIsAShareFromNoneToAll() {
        int checked = 0;
        for (int round = 0; round < 40; round++) {
            Instant from = START.plus(Duration.ofDays(random.nextInt(200)));
            Instant to = from.plus(Duration.ofDays(1 + random.nextInt(90)));
            Instant asOf = to.plus(Duration.ofDays(random.nextInt(300)));
            for (Metric metric : Metric.values()) {
                if (metric.kind() != Metric.Kind.PERCENT || metric.formula() instanceof Formula.ClockCompliance) {
                    continue;
                }
                MetricResult result =
                        metrics.compute(metric.formula(), query(from, to, Basis.COHORT, Optional.empty(), asOf));
                if (result.total().value().isPresent()) {
                    assertThat(result.total().value().get())
                            .as("seed %d: %s from %s to %s", SEED, metric.id(), from, to)
                            .isBetween(0.0, 1.0);
                    checked++;
                }
            }
        }
        assertThat(checked).as("rates with a value").isGreaterThan(100);
    }

    @Test
    void aCohortOnlyGrowsAsTimePasses() {
        double grew = 0;
        for (int round = 0; round < 20; round++) {
            Instant from = START.plus(Duration.ofDays(random.nextInt(150)));
            Instant to = from.plus(Duration.ofDays(7 + random.nextInt(60)));
            for (Metric metric : List.of(
                    Metric.ACCEPTANCE_RATE, Metric.MQL_TO_SQL_RATE, Metric.MQL_TO_WON_RATE, Metric.SQL_TO_WON_RATE)) {
                double before = -1;
                for (int days = 0; days <= 400; days += 25) {
                    MetricResult result = metrics.compute(
                            metric.formula(),
                            query(from, to, Basis.COHORT, Optional.empty(), to.plus(Duration.ofDays(days))));
                    double reached = result.total().numerator().orElse(0.0);
                    assertThat(reached)
                            .as("seed %d: %s of %s–%s, %d days on", SEED, metric.id(), from, to, days)
                            .isGreaterThanOrEqualTo(before);
                    grew += reached - Math.max(before, 0);
                    before = reached;
                }
            }
        }
        assertThat(grew).as("the generated cohorts moved on at all").isPositive();
    }

    @Test
    void everyBreakdownAddsUpToItsTotal() {
        List<Dimension> dimensions = List.of(
                Dimension.Fixed.SOURCE,
                Dimension.Fixed.REP,
                Dimension.Fixed.TEAM,
                Dimension.Fixed.VERSION,
                Dimension.Fixed.MONTH,
                Dimension.Fixed.WEEK);
        long counted = 0;
        for (int round = 0; round < 10; round++) {
            Instant from = START.plus(Duration.ofDays(random.nextInt(150)));
            Instant to = from.plus(Duration.ofDays(7 + random.nextInt(120)));
            Instant asOf = to.plus(Duration.ofDays(random.nextInt(200)));
            for (Metric metric : Metric.values()) {
                if (metric.formula() instanceof Formula.ClockCompliance
                        || metric.formula() instanceof Formula.Coverage
                        || metric.formula() instanceof Formula.ResponseTime) {
                    continue;
                }
                for (Basis basis : metric.hasBases() ? Basis.values() : new Basis[] {Basis.COHORT}) {
                    MetricResult whole =
                            metrics.compute(metric.formula(), query(from, to, basis, Optional.empty(), asOf));
                    counted += whole.total().count();
                    for (Dimension by : dimensions) {
                        if (metric.formula() instanceof Formula.CostPer
                                && by != Dimension.Fixed.SOURCE
                                && by != Dimension.Fixed.MONTH) {
                            continue; // spend is kept by month, source and campaign alone
                        }
                        MetricResult parts =
                                metrics.compute(metric.formula(), query(from, to, basis, Optional.of(by), asOf));
                        String what = "seed %d: %s %s by %s".formatted(SEED, metric.id(), basis.word(), by.word());
                        assertThat(parts.parts().stream()
                                        .mapToLong(p -> p.figure().count())
                                        .sum())
                                .as(what)
                                .isEqualTo(whole.total().count());
                        whole.total()
                                .numerator()
                                .ifPresent(numerator -> assertThat(parts.parts().stream()
                                                .mapToDouble(p ->
                                                        p.figure().numerator().orElse(0.0))
                                                .sum())
                                        .as(what)
                                        .isCloseTo(numerator, within(1e-6)));
                        whole.total()
                                .denominator()
                                .ifPresent(denominator -> assertThat(parts.parts().stream()
                                                .mapToDouble(p ->
                                                        p.figure().denominator().orElse(0.0))
                                                .sum())
                                        .as(what)
                                        .isCloseTo(denominator, within(1e-6)));
                    }
                }
            }
        }
        assertThat(counted).as("cycles counted").isGreaterThan(1000);
    }
}
