package dev.baton.core.engine;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.Target;
import dev.baton.core.metrics.Basis;
import dev.baton.core.metrics.Cohort;
import dev.baton.core.metrics.Dimension;
import dev.baton.core.metrics.Formula;
import dev.baton.core.metrics.Metric;
import dev.baton.core.metrics.MetricQuery;
import dev.baton.core.metrics.MetricResult;
import dev.baton.core.metrics.MetricsStore;
import dev.baton.core.metrics.Moment;
import dev.baton.core.metrics.Periods;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metrics as both teams read them: each computed from the funnel's history for a period, a slice and a
 * breakdown, with the active agreement's target beside it; and the funnel itself, stage by stage. Dates are days in
 * the active agreement's timezone (UTC without one); a period runs from the first day through the last.
 */
public final class FunnelMetrics {

    /** The stages the funnel shows, in order, after the MQL. */
    public static final List<Moment> STAGES = List.of(Moment.ACCEPTED, Moment.SQL, Moment.OPPORTUNITY, Moment.WON);

    /** The moments that carry a reason, for a breakdown by reason. */
    private static final Set<Moment> WITH_REASON =
            EnumSet.of(Moment.REJECTED, Moment.LOST, Moment.DISQUALIFIED, Moment.NURTURED, Moment.RECYCLED);

    /** A question as it is asked: dates, basis, filters and breakdown; empty dates and basis take the defaults. */
    public record Request(
            Optional<LocalDate> from,
            Optional<LocalDate> to,
            Optional<Basis> basis,
            Map<Dimension, String> filters,
            Optional<Dimension> by) {
        public Request {
            filters = Map.copyOf(filters);
        }

        public static Request of(Optional<LocalDate> from, Optional<LocalDate> to) {
            return new Request(from, to, Optional.empty(), Map.of(), Optional.empty());
        }
    }

    /** A metric's figures for a request, with its period and the target the active agreement sets for it. */
    public record Report(
            Metric metric,
            Basis basis,
            LocalDate from,
            LocalDate to,
            MetricResult result,
            Optional<Target> target,
            Optional<Dimension> by) {}

    /** One stage of the funnel: how many cycles reached it, as a share of the MQLs and of the stage before. */
    public record Stage(String stage, long count, Optional<Double> ofMqls, Optional<Double> ofPrevious) {}

    /** The funnel of a period: the stages of the whole and of each part of a breakdown. */
    public record Funnel(
            Basis basis, LocalDate from, LocalDate to, List<Stage> stages, Map<String, List<Stage>> parts) {}

    private final MetricsStore store;
    private final ActiveAgreement active;
    private final Clock clock;

    public FunnelMetrics(MetricsStore store, ActiveAgreement active, Clock clock) {
        this.store = store;
        this.active = active;
        this.clock = clock;
    }

    public Report compute(Metric metric, Request request) {
        return computeAll(List.of(metric), request).get(0);
    }

    /** Several metrics for one request, asked of the store together; in the order given. */
    public List<Report> computeAll(List<Metric> metrics, Request request) {
        Basis basis = request.basis().orElse(Basis.COHORT);
        for (Metric metric : metrics) {
            if (basis == Basis.PERIOD && !metric.hasBases()) {
                throw new BatonException.Invalid(
                        "basis",
                        metric.id() + " is not a rate between two stages: it has no period basis, only its own");
            }
            checkDimensions(metric.formula(), request);
        }
        // the active version once per question: each look asks the database which version is active
        Optional<Agreement> agreement = active.current().map(ActiveAgreement.Running::agreement);
        Period period = period(request, agreement);
        MetricQuery query = query(period, basis, request, agreement);
        List<Formula> formulas = metrics.stream()
                .map(metric ->
                        metric.formula() instanceof Formula.Coverage ? Metric.PIPELINE.formula() : metric.formula())
                .distinct()
                .toList();
        Map<Formula, MetricResult> results = store.computeAll(formulas, query);
        return metrics.stream()
                .map(metric -> new Report(
                        metric,
                        basis,
                        period.from(),
                        period.to(),
                        metric.formula() instanceof Formula.Coverage
                                ? coverage(results.get(Metric.PIPELINE.formula()), query, agreement)
                                : inOrder(results.get(metric.formula()), request.by()),
                        agreement.flatMap(a -> target(a, metric)),
                        request.by()))
                .toList();
    }

    /** The parts of a breakdown by response time in the order of its bands, the untouched last; others as they are. */
    private static MetricResult inOrder(MetricResult result, Optional<Dimension> by) {
        if (by.filter(Dimension.Fixed.RESPONSE::equals).isEmpty()) {
            return result;
        }
        List<String> order = new ArrayList<>(
                Dimension.RESPONSE_BANDS.stream().map(Dimension.Band::key).toList());
        order.add(Dimension.UNTOUCHED);
        return new MetricResult(
                result.total(),
                result.parts().stream()
                        .sorted(java.util.Comparator.comparingInt(part -> order.indexOf(part.key())))
                        .toList());
    }

    /** The active agreement's target for a metric, if it sets one. */
    public Optional<Target> target(Metric metric) {
        return active.current().flatMap(running -> target(running.agreement(), metric));
    }

    /** The funnel: of the MQLs of the period (cohort), or of each stage's own moments in the period. */
    public Funnel funnel(Request request) {
        Basis basis = request.basis().orElse(Basis.COHORT);
        if (request.by()
                .filter(by ->
                        by == Dimension.Fixed.REASON || by == Dimension.Fixed.CLOCK || by == Dimension.Fixed.RESPONSE)
                .isPresent()) {
            throw new BatonException.Invalid(
                    "by",
                    "the funnel breaks down by source, campaign, team, rep, version,"
                            + " month, week or a lead or company field");
        }
        Optional<Agreement> agreement = active.current().map(ActiveAgreement.Running::agreement);
        Period period = period(request, agreement);
        MetricQuery query = query(period, basis, request, agreement);
        var results = new LinkedHashMap<Moment, MetricResult>();
        for (Moment stage : STAGES) {
            results.put(stage, store.compute(new Formula.Conversion(Moment.QUALIFIED, stage), query));
        }
        MetricResult first = results.get(Moment.ACCEPTED);
        List<Stage> whole =
                stages(first.total(), results, key -> results.get(key).total());
        var keys = new TreeSet<String>();
        results.values().forEach(r -> r.parts().forEach(p -> keys.add(p.key())));
        var parts = new LinkedHashMap<String, List<Stage>>();
        for (String key : keys) {
            parts.put(key, stages(figure(first, key), results, stage -> figure(results.get(stage), key)));
        }
        return new Funnel(basis, period.from(), period.to(), whole, parts);
    }

    /** The cohorts of a period's MQLs, by month (default) or week, each with how far it has come by now. */
    public Cohorts cohorts(Request request, Formula.Grain grain) {
        if (request.by().isPresent()) {
            throw new BatonException.Invalid("by", "cohorts are by month or week: use grain");
        }
        Optional<Agreement> agreement = active.current().map(ActiveAgreement.Running::agreement);
        Period period = period(request, agreement);
        MetricQuery query = query(period, Basis.COHORT, request, agreement);
        return new Cohorts(grain, period.from(), period.to(), store.cohorts(query, grain, STAGES));
    }

    /**
     * Pipeline by engagement: of the opportunities opened in the period, by source (or the request's breakdown) and by
     * the types of event their leads had before the opportunity opened.
     */
    public Engagements engagement(Request request) {
        if (request.by()
                .filter(by ->
                        by == Dimension.Fixed.REASON || by == Dimension.Fixed.CLOCK || by == Dimension.Fixed.RESPONSE)
                .isPresent()) {
            throw new BatonException.Invalid(
                    "by",
                    "engagement breaks down by source, campaign, team, rep, version, month, week or a lead or company"
                            + " field");
        }
        Optional<Agreement> agreement = active.current().map(ActiveAgreement.Running::agreement);
        Period period = period(request, agreement);
        Dimension by = request.by().orElse(Dimension.Fixed.SOURCE);
        MetricQuery query = query(period, Basis.PERIOD, request, agreement).slice(request.filters(), Optional.of(by));
        return new Engagements(period.from(), period.to(), by, store.engagement(query));
    }

    /** The pipeline by engagement of a period. */
    public record Engagements(
            LocalDate from, LocalDate to, Dimension by, List<dev.baton.core.metrics.Engagement> lines) {}

    /** The cohorts of a period. */
    public record Cohorts(Formula.Grain grain, LocalDate from, LocalDate to, List<Cohort> cohorts) {}

    private static List<Stage> stages(
            MetricResult.Figure mqls,
            Map<Moment, MetricResult> results,
            java.util.function.Function<Moment, MetricResult.Figure> figureOf) {
        long total = Math.round(mqls.denominator().orElse(0.0));
        var stages = new ArrayList<Stage>();
        stages.add(new Stage("mql", total, share(total, total), Optional.empty()));
        long previous = total;
        for (Moment stage : results.keySet()) {
            long count = Math.round(figureOf.apply(stage).numerator().orElse(0.0));
            stages.add(new Stage(stage.label(), count, share(count, total), share(count, previous)));
            previous = count;
        }
        return stages;
    }

    private static MetricResult.Figure figure(MetricResult result, String key) {
        return result.parts().stream()
                .filter(p -> p.key().equals(key))
                .map(MetricResult.Part::figure)
                .findFirst()
                .orElse(new MetricResult.Figure(Optional.empty(), Optional.of(0.0), Optional.of(0.0), 0));
    }

    private static Optional<Double> share(long part, long whole) {
        return whole == 0 ? Optional.empty() : Optional.of((double) part / whole);
    }

    /** Reason and clock breakdowns exist only for the metrics that have reasons or clocks. */
    private static void checkDimensions(Formula formula, Request request) {
        var used = new ArrayList<Dimension>(request.filters().keySet());
        request.by().ifPresent(used::add);
        for (Dimension dimension : used) {
            String field = request.by().filter(dimension::equals).isPresent() ? "by" : dimension.word();
            if (dimension == Dimension.Fixed.REASON
                    && !(formula instanceof Formula.Count count && WITH_REASON.contains(count.moment()))
                    && !(formula instanceof Formula.WithReason)) {
                throw new BatonException.Invalid(
                        field, "only counts of rejections, disqualifications, nurture and recycling have a reason");
            }
            if (dimension == Dimension.Fixed.CLOCK && !(formula instanceof Formula.ClockCompliance)) {
                throw new BatonException.Invalid(field, "only SLA compliance metrics have a clock");
            }
            if (dimension == Dimension.Fixed.RESPONSE
                    && !(formula instanceof Formula.Count
                            || formula instanceof Formula.Conversion
                            || formula instanceof Formula.ReachedWithin
                            || formula instanceof Formula.Elapsed
                            || formula instanceof Formula.Amount
                            || formula instanceof Formula.ResponseTime)) {
                throw new BatonException.Invalid(
                        field,
                        "the response time breaks down counts, conversions, times and amounts of the funnel's cycles,"
                                + " not this metric");
            }
            if (formula instanceof Formula.CostPer
                    && !(dimension == Dimension.Fixed.SOURCE
                            || dimension == Dimension.Fixed.CAMPAIGN
                            || (dimension == Dimension.Fixed.MONTH && field.equals("by")))) {
                throw new BatonException.Invalid(
                        field, "spend is imported by month, source and campaign: cost breaks down by those alone");
            }
        }
    }

    private record Period(LocalDate from, LocalDate to, Instant start, Instant end, ZoneId zone) {}

    /** The request's days in the agreement's timezone: by default the current month and the two before it. */
    private Period period(Request request, Optional<Agreement> agreement) {
        ZoneId zone = agreement.map(a -> a.calendar().timezone()).orElse(ZoneOffset.UTC);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate to = request.to().orElse(today);
        LocalDate from = request.from().orElse(to.withDayOfMonth(1).minusMonths(2));
        if (to.isBefore(from)) {
            throw new BatonException.Invalid("to", "the period ends on " + to + ", before it starts on " + from);
        }
        if (from.plusYears(50).isBefore(to)) {
            throw new BatonException.Invalid("from", "a period is at most 50 years long");
        }
        return new Period(
                from,
                to,
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(),
                zone);
    }

    private MetricQuery query(Period period, Basis basis, Request request, Optional<Agreement> agreement) {
        return new MetricQuery(
                period.start(),
                period.end(),
                basis,
                request.filters(),
                request.by(),
                clock.instant(),
                period.zone(),
                agreement
                        .map(a -> new MetricQuery.Terms(
                                a.attribution().salesSources(), a.mql().minFit()))
                        .orElse(MetricQuery.Terms.NONE));
    }

    private static Optional<Target> target(Agreement agreement, Metric metric) {
        return agreement.targets().stream().filter(t -> t.metric() == metric).findFirst();
    }

    /** Pipeline created ÷ the won-revenue target for the period; no value without that target. */
    private static MetricResult coverage(MetricResult pipeline, MetricQuery query, Optional<Agreement> agreement) {
        Optional<Double> goal = agreement
                .flatMap(a -> target(a, Metric.WON_REVENUE))
                .flatMap(Target::atLeast)
                .map(measure -> measure.value().doubleValue() * months(query));
        java.util.function.Function<MetricResult.Figure, MetricResult.Figure> scale = figure -> {
            double created = figure.value().orElse(0.0);
            return new MetricResult.Figure(
                    goal.filter(g -> g > 0).map(g -> created / g), Optional.of(created), goal, figure.count());
        };
        return new MetricResult(
                scale.apply(pipeline.total()),
                pipeline.parts().stream()
                        .map(p -> new MetricResult.Part(p.key(), scale.apply(p.figure())))
                        .toList());
    }

    private static double months(MetricQuery query) {
        return Periods.months(query.from(), query.to(), query.zone());
    }
}
