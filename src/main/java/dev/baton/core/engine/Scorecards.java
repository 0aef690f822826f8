package dev.baton.core.engine;

import dev.baton.core.agreement.Target;
import dev.baton.core.metrics.Dimension;
import dev.baton.core.metrics.Formula;
import dev.baton.core.metrics.Metric;
import dev.baton.core.metrics.Owner;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The two-sided scorecard: marketing's commitments (MQL volume, the quality sales finds in them, marketing's share
 * of the pipeline) beside sales' (routing, acceptance and first touch on time, response time, attempts, dispositions),
 * and the shared numbers, each against its target in the active agreement with a status whose rule is {@link #RULE}.
 * Every metric the agreement sets a target on is on the card, on the side of the target's owner. The lines are asked
 * in three questions that run side by side — the lines by source, the medians, and the others — and the store
 * answers each in one scan of the funnel's rows.
 */
public final class Scorecards {

    /** How a line's status is decided. */
    public static final String RULE = "on track: the figure meets its target; at risk: it misses it by at most a"
            + " tenth of the target (an at-least missed by no more than 10%, an at-most exceeded by no more than"
            + " 10%); off track: it misses by more; no target: the agreement sets none; no data: nothing in the"
            + " period to compute it from.";

    /** Marketing's side, whatever the targets say: volume, and the quality of what it hands over, by source. */
    static final List<Metric> MARKETING = List.of(
            Metric.MQLS_PER_MONTH,
            Metric.ICP_FIT_SHARE,
            Metric.ACCEPTANCE_RATE,
            Metric.MQL_TO_SQL_RATE,
            Metric.MARKETING_SOURCED_PIPELINE_SHARE);

    /** Sales' side: how fast and how completely it works what it is handed. */
    static final List<Metric> SALES = List.of(
            Metric.ROUTE_ON_TIME_SHARE,
            Metric.ACCEPT_ON_TIME_SHARE,
            Metric.FIRST_TOUCH_ON_TIME_SHARE,
            Metric.MEDIAN_RESPONSE_TIME,
            Metric.CONTACTED_WITHIN_24H_SHARE,
            Metric.ATTEMPTS_MET_SHARE,
            Metric.REJECTIONS_WITH_REASON_SHARE,
            Metric.DISPOSITION_ON_TIME_SHARE);

    /** The lines shown with a breakdown by source: the quality of marketing's MQLs, source by source. */
    static final Set<Metric> BY_SOURCE = Set.of(Metric.ACCEPTANCE_RATE, Metric.MQL_TO_SQL_RATE);

    /** Where a line stands against its target. */
    public enum Status {
        ON_TRACK,
        AT_RISK,
        OFF_TRACK,
        NO_TARGET,
        NO_DATA;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One line of the card: the metric's report and its status. */
    public record Line(FunnelMetrics.Report report, Status status) {}

    /** The card of a period. */
    public record Scorecard(
            LocalDate from, LocalDate to, List<Line> marketing, List<Line> sales, List<Line> shared, String rule) {}

    private final FunnelMetrics metrics;
    private final Executor lines;

    /** A card whose lines, independent of each other, are computed side by side on {@code lines}. */
    public Scorecards(FunnelMetrics metrics, Executor lines) {
        this.metrics = metrics;
        this.lines = lines;
    }

    public Scorecard scorecard(FunnelMetrics.Request request) {
        if (request.by().isPresent() || request.basis().isPresent()) {
            throw new BatonException.Invalid(
                    request.by().isPresent() ? "by" : "basis",
                    "the scorecard has its own breakdowns and bases; filter it by period, source, team or rep");
        }
        var marketing = new LinkedHashSet<>(MARKETING);
        var sales = new LinkedHashSet<>(SALES);
        var shared = new LinkedHashSet<Metric>();
        for (Metric metric : Metric.values()) {
            Optional<Owner> owner = metrics.target(metric).map(Target::owner);
            if (owner.isEmpty() || marketing.contains(metric) || sales.contains(metric)) {
                continue;
            }
            switch (owner.get()) {
                case MARKETING -> marketing.add(metric);
                case SALES -> sales.add(metric);
                case SHARED -> shared.add(metric);
            }
        }
        // three questions, side by side, each of which the store answers in one scan of the funnel's rows: the
        // quality of marketing's MQLs source by source; the medians and percentiles, which sort their figures and so
        // keep PostgreSQL from sharing a scan out between its workers; and all the others
        boolean bySource = !request.filters().containsKey(Dimension.Fixed.SOURCE);
        var questions = new java.util.LinkedHashMap<String, List<Metric>>();
        for (Set<Metric> side : List.of(marketing, sales, shared)) {
            for (Metric metric : side) {
                String question = bySource && BY_SOURCE.contains(metric)
                        ? "by source"
                        : sorts(metric.formula()) ? "sorted" : "whole";
                questions.computeIfAbsent(question, q -> new ArrayList<>()).add(metric);
            }
        }
        var answers = new java.util.HashMap<Metric, CompletableFuture<FunnelMetrics.Report>>();
        questions.forEach((question, asked) -> {
            CompletableFuture<List<FunnelMetrics.Report>> reports = askAll(
                    asked,
                    request,
                    question.equals("by source") ? Optional.of(Dimension.Fixed.SOURCE) : Optional.empty());
            for (int i = 0; i < asked.size(); i++) {
                int index = i;
                answers.put(asked.get(i), reports.thenApply(all -> all.get(index)));
            }
        });
        var sides = new ArrayList<List<CompletableFuture<Line>>>();
        for (Set<Metric> side : List.of(marketing, sales, shared)) {
            sides.add(side.stream()
                    .map(metric -> answers.get(metric).thenApply(Scorecards::line))
                    .toList());
        }
        List<List<Line>> card = sides.stream()
                .map(side -> side.stream().map(Scorecards::join).toList())
                .toList();
        FunnelMetrics.Report period = card.get(0).get(0).report();
        return new Scorecard(period.from(), period.to(), card.get(0), card.get(1), card.get(2), RULE);
    }

    private CompletableFuture<List<FunnelMetrics.Report>> askAll(
            List<Metric> asked, FunnelMetrics.Request request, Optional<Dimension> by) {
        var question = new FunnelMetrics.Request(request.from(), request.to(), Optional.empty(), request.filters(), by);
        return CompletableFuture.supplyAsync(() -> metrics.computeAll(asked, question), lines);
    }

    /** Whether the formula's figure is a median or percentile, which sorts what it is computed from. */
    private static boolean sorts(Formula formula) {
        Optional<Formula.Statistic> statistic = formula instanceof Formula.ResponseTime response
                ? Optional.of(response.statistic())
                : formula instanceof Formula.Elapsed elapsed
                        ? Optional.of(elapsed.statistic())
                        : formula instanceof Formula.Amount amount ? Optional.of(amount.statistic()) : Optional.empty();
        return statistic
                .filter(s -> s == Formula.Statistic.MEDIAN || s == Formula.Statistic.P90)
                .isPresent();
    }

    private static Line line(FunnelMetrics.Report report) {
        return new Line(report, status(report));
    }

    /** A line's result, or the exception that computing it threw, as it was thrown. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The line's status by {@link #RULE}. */
    static Status status(FunnelMetrics.Report report) {
        Optional<Double> value = report.result().total().value();
        if (report.target().isEmpty()) {
            return value.isEmpty() ? Status.NO_DATA : Status.NO_TARGET;
        }
        if (value.isEmpty()) {
            return Status.NO_DATA;
        }
        return status(report.target().get(), value.get());
    }

    /** Against an at-least, an at-most, or both; a figure missing both sides of a band takes the worse. */
    public static Status status(Target target, double value) {
        Status status = Status.ON_TRACK;
        if (target.atLeast().isPresent()) {
            double floor = target.atLeast().get().inFigures();
            if (value < floor) {
                status = value >= floor * 0.9 ? Status.AT_RISK : Status.OFF_TRACK;
            }
        }
        if (target.atMost().isPresent() && status == Status.ON_TRACK) {
            double ceiling = target.atMost().get().inFigures();
            if (value > ceiling) {
                status = value <= ceiling * 1.1 ? Status.AT_RISK : Status.OFF_TRACK;
            }
        }
        return status;
    }
}
