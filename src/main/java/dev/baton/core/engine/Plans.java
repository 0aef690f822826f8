package dev.baton.core.engine;

import dev.baton.core.metrics.Basis;
import dev.baton.core.metrics.Dimension;
import dev.baton.core.metrics.Metric;
import dev.baton.core.metrics.MetricResult;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The reverse funnel both teams set targets from: from a goal of won deals (or revenue) per month, back through the
 * conversion rates measured over the last whole months to the opportunities, SQLs, MQLs and pipeline needed, source by
 * source. Each source's share of the goal is its share of the deals won in those months; its rates are its own. The
 * rates are period rates (what reached a stage in those months over what entered the stage before it): in a steady
 * funnel they equal the cohort rates, and they do not understate the young cohorts that have not had time to close.
 */
public final class Plans {

    /** A goal per month: won deals, or revenue (then the deals are revenue ÷ the measured average deal size). */
    public record Goal(Optional<Double> won, Optional<Double> revenue, int months, Map<Dimension, String> filters) {
        public Goal {
            if (won.isPresent() == revenue.isPresent()) {
                throw new BatonException.Invalid("won", "give a goal of won deals or of revenue, one of them");
            }
            won.or(() -> revenue).filter(v -> !(v > 0 && v <= 1e12)).ifPresent(v -> {
                throw new BatonException.Invalid(
                        won.isPresent() ? "won" : "revenue", "a goal is a number above 0 and at most a trillion");
            });
            if (months < 1 || months > 36) {
                throw new BatonException.Invalid("months", "measure over 1 to 36 whole months");
            }
            filters = Map.copyOf(filters);
        }
    }

    /** What one source (or the whole, as the sum of the sources) needs per month, and the rates it was worked from. */
    public record Need(
            String source,
            double shareOfWon,
            double won,
            double opportunities,
            double sqls,
            double mqls,
            double pipeline,
            Optional<Double> mqlToSql,
            Optional<Double> sqlToOpportunity,
            Optional<Double> opportunityToWon,
            Optional<Double> averageDealSize) {}

    /** The plan: the months measured, the goal, each source's need, the total, and what the MQL target supports. */
    public record Plan(
            LocalDate from,
            LocalDate to,
            double wonPerMonth,
            List<Need> sources,
            Need total,
            Optional<Double> mqlTarget,
            List<String> notes) {}

    private final FunnelMetrics metrics;
    private final ActiveAgreement active;
    private final Clock clock;

    public Plans(FunnelMetrics metrics, ActiveAgreement active, Clock clock) {
        this.metrics = metrics;
        this.active = active;
        this.clock = clock;
    }

    public Plan plan(Goal goal) {
        ZoneId zone = active.current()
                .map(running -> running.agreement().calendar().timezone())
                .orElse(ZoneOffset.UTC);
        YearMonth last =
                YearMonth.from(LocalDate.ofInstant(clock.instant(), zone)).minusMonths(1);
        LocalDate from = last.minusMonths(goal.months() - 1L).atDay(1);
        LocalDate to = last.atEndOfMonth();
        var bySource = new FunnelMetrics.Request(
                Optional.of(from),
                Optional.of(to),
                Optional.of(Basis.PERIOD),
                goal.filters(),
                Optional.of(Dimension.Fixed.SOURCE));
        var counts = new FunnelMetrics.Request(
                Optional.of(from),
                Optional.of(to),
                Optional.empty(),
                goal.filters(),
                Optional.of(Dimension.Fixed.SOURCE));
        MetricResult mqlToSql =
                metrics.compute(Metric.MQL_TO_SQL_RATE, bySource).result();
        MetricResult sqlToOpportunity =
                metrics.compute(Metric.SQL_TO_OPPORTUNITY_RATE, bySource).result();
        MetricResult opportunityToWon =
                metrics.compute(Metric.OPPORTUNITY_TO_WON_RATE, bySource).result();
        MetricResult won = metrics.compute(Metric.WON_DEALS, counts).result();
        MetricResult dealSize =
                metrics.compute(Metric.AVERAGE_DEAL_SIZE, counts).result();
        var notes = new ArrayList<String>();
        double wonTotal = won.total().count();
        Optional<Double> averageDeal = dealSize.total().value();
        double wonPerMonth;
        if (goal.won().isPresent()) {
            wonPerMonth = goal.won().get();
        } else if (averageDeal.filter(size -> size > 0).isPresent()) {
            wonPerMonth = goal.revenue().get() / averageDeal.get();
        } else {
            throw new BatonException.Invalid(
                    "revenue",
                    "no deal with an amount was won from " + from + " to " + to + ": give a goal of won deals");
        }
        if (wonTotal == 0) {
            notes.add("no deal was won from " + from + " to " + to + ": there are no rates to work back from");
        }
        var sources = new TreeSet<String>();
        won.parts().forEach(p -> sources.add(p.key()));
        var needs = new ArrayList<Need>();
        for (String source : sources) {
            double share = wonTotal == 0 ? 0 : count(won, source) / wonTotal;
            needs.add(need(
                    source,
                    share,
                    wonPerMonth * share,
                    part(opportunityToWon, source),
                    part(sqlToOpportunity, source),
                    part(mqlToSql, source),
                    part(dealSize, source),
                    notes));
        }
        Need total = new Need(
                "total",
                wonTotal == 0 ? 0 : 1,
                wonPerMonth,
                needs.stream().mapToDouble(Need::opportunities).sum(),
                needs.stream().mapToDouble(Need::sqls).sum(),
                needs.stream().mapToDouble(Need::mqls).sum(),
                needs.stream().mapToDouble(Need::pipeline).sum(),
                mqlToSql.total().value(),
                sqlToOpportunity.total().value(),
                opportunityToWon.total().value(),
                averageDeal);
        Optional<Double> mqlTarget = metrics.target(Metric.MQLS_PER_MONTH)
                .flatMap(t -> t.atLeast())
                .map(m -> m.value().doubleValue());
        mqlTarget.ifPresent(target -> {
            if (total.mqls() > target * 1.25) {
                notes.add("the goal needs %.0f MQLs a month; the agreement's target of %.0f is short of it"
                        .formatted(total.mqls(), target));
            } else if (total.mqls() < target * 0.75) {
                notes.add("the goal needs %.0f MQLs a month; the agreement's target of %.0f is well above it"
                        .formatted(total.mqls(), target));
            }
        });
        return new Plan(from, to, wonPerMonth, needs, total, mqlTarget, notes);
    }

    private static Need need(
            String source,
            double share,
            double won,
            Optional<Double> toWon,
            Optional<Double> toOpportunity,
            Optional<Double> toSql,
            Optional<Double> dealSize,
            List<String> notes) {
        double opportunities = divide(won, toWon);
        double sqls = divide(opportunities, toOpportunity);
        double mqls = divide(sqls, toSql);
        if (won > 0 && (Double.isInfinite(mqls) || Double.isNaN(mqls))) {
            notes.add("source " + source + " converted no MQL all the way in the months measured");
        }
        return new Need(
                source,
                share,
                won,
                opportunities,
                sqls,
                mqls,
                opportunities * dealSize.orElse(0.0),
                toSql,
                toOpportunity,
                toWon,
                dealSize);
    }

    /** What is needed at the stage before: the need over the rate; none when nothing is needed. */
    private static double divide(double needed, Optional<Double> rate) {
        if (needed == 0) {
            return 0;
        }
        return rate.filter(r -> r > 0).map(r -> needed / r).orElse(Double.POSITIVE_INFINITY);
    }

    private static double count(MetricResult result, String key) {
        return result.parts().stream()
                .filter(p -> p.key().equals(key))
                .mapToDouble(p -> p.figure().count())
                .sum();
    }

    private static Optional<Double> part(MetricResult result, String key) {
        return result.parts().stream()
                .filter(p -> p.key().equals(key))
                .findFirst()
                .flatMap(p -> p.figure().value());
    }
}
