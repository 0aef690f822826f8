package dev.baton.adapter.web;

import dev.baton.core.agreement.Target;
import dev.baton.core.engine.FunnelMetrics;
import dev.baton.core.engine.Scorecards;
import dev.baton.core.metrics.Dimension;
import dev.baton.core.metrics.Measure;
import dev.baton.core.metrics.Metric;
import dev.baton.core.metrics.MetricResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the dashboard shows, computed from the same metric definitions as the API: the two-sided scorecard, and the
 * charts, each with the figures it draws. Plain values for the page to render.
 */
final class Dashboard {

    private final FunnelMetrics metrics;
    private final Scorecards scorecards;

    Dashboard(FunnelMetrics metrics, Scorecards scorecards) {
        this.metrics = metrics;
        this.scorecards = scorecards;
    }

    /** A scorecard line as the page shows it. */
    record Line(String metric, String title, String value, String target, String owner, String status) {}

    /** A side of the scorecard. */
    record Side(String name, List<Line> lines) {}

    /** One series of a chart: a name and a value per label (null where there is nothing to compute it from). */
    record Series(String name, List<Double> values) {}

    /**
     * A chart and its figures: {@code kind} is bar, line or stacked; {@code target} draws a line at the target when
     * there is one; {@code unit} says how values are written.
     */
    record Chart(
            String id,
            String title,
            String kind,
            String unit,
            List<String> labels,
            List<Series> series,
            Optional<Double> target) {}

    List<Side> scorecard(DashboardFilters filters) {
        Scorecards.Scorecard card = scorecards.scorecard(filters.request(Optional.empty()));
        return List.of(
                new Side("Marketing", lines(card.marketing())),
                new Side("Sales", lines(card.sales())),
                new Side("Shared", lines(card.shared())));
    }

    private static List<Line> lines(List<Scorecards.Line> lines) {
        return lines.stream()
                .map(line -> {
                    FunnelMetrics.Report report = line.report();
                    Metric metric = report.metric();
                    return new Line(
                            metric.id(),
                            metric.title(),
                            report.result()
                                    .total()
                                    .value()
                                    .map(v -> format(metric.kind(), v))
                                    .orElse("—"),
                            report.target().map(Dashboard::target).orElse("no target"),
                            report.target()
                                    .map(t -> t.owner().word())
                                    .orElse(metric.owner().word()),
                            line.status().word());
                })
                .toList();
    }

    private static String target(Target target) {
        if (target.atLeast().isPresent() && target.atMost().isPresent()) {
            return target.atLeast().get().text() + " to "
                    + target.atMost().get().text();
        }
        return target.atLeast()
                .map(m -> "≥ " + m.text())
                .orElseGet(() -> "≤ " + target.atMost().orElseThrow().text());
    }

    /** The charts of the dashboard, in the order the page shows them. */
    List<Chart> charts(DashboardFilters filters) {
        var charts = new ArrayList<Chart>();
        charts.add(funnel(filters));
        charts.add(byPart(
                "mqls-by-week",
                "MQLs by week, against the target",
                "line",
                Metric.MQLS_PER_WEEK,
                filters,
                Dimension.Fixed.WEEK));
        charts.add(rejections(filters));
        charts.add(byPart(
                "sla-by-rep", "SLA compliance by rep", "bar", Metric.SLA_COMPLIANCE, filters, Dimension.Fixed.REP));
        charts.add(byPart(
                "sla-by-team", "SLA compliance by team", "bar", Metric.SLA_COMPLIANCE, filters, Dimension.Fixed.TEAM));
        charts.add(responseTimes(filters));
        charts.add(responseDistribution(filters));
        return charts;
    }

    private Chart funnel(DashboardFilters filters) {
        FunnelMetrics.Funnel funnel = metrics.funnel(filters.request(Optional.empty()));
        var labels = new ArrayList<String>();
        var counts = new ArrayList<Double>();
        for (FunnelMetrics.Stage stage : funnel.stages()) {
            labels.add(stage.stage());
            counts.add((double) stage.count());
        }
        return new Chart(
                "funnel",
                "The funnel of the MQLs of the period",
                "bar",
                "count",
                labels,
                List.of(new Series("leads", counts)),
                Optional.empty());
    }

    private Chart byPart(String id, String title, String kind, Metric metric, DashboardFilters filters, Dimension by) {
        FunnelMetrics.Report report = metrics.compute(metric, filters.request(Optional.of(by)));
        var labels = new ArrayList<String>();
        var values = new ArrayList<Double>();
        for (MetricResult.Part part : report.result().parts()) {
            if (by == Dimension.Fixed.WEEK
                    || by == Dimension.Fixed.MONTH
                    || !part.key().equals("(none)")) {
                labels.add(part.key());
                values.add(shown(metric, part.figure().value()));
            }
        }
        return new Chart(
                id,
                title,
                kind,
                unit(metric.kind()),
                labels,
                List.of(new Series(metric.title(), values)),
                report.target().flatMap(t -> t.atLeast().or(t::atMost)).map(m -> shown(metric, m)));
    }

    /** Rejected MQLs by month, one series per reason code that was given in the period. */
    private Chart rejections(DashboardFilters filters) {
        FunnelMetrics.Report byReason =
                metrics.compute(Metric.REJECTED_MQLS, filters.request(Optional.of(Dimension.Fixed.REASON)));
        FunnelMetrics.Report byMonth =
                metrics.compute(Metric.REJECTED_MQLS, filters.request(Optional.of(Dimension.Fixed.MONTH)));
        List<String> months =
                byMonth.result().parts().stream().map(MetricResult.Part::key).toList();
        var series = new ArrayList<Series>();
        for (MetricResult.Part reason : byReason.result().parts()) {
            if (reason.figure().count() == 0 || reason.key().equals("(none)")) {
                continue;
            }
            DashboardFilters one = filters;
            var request = one.request(Optional.of(Dimension.Fixed.MONTH));
            var withReason = new java.util.LinkedHashMap<>(request.filters());
            withReason.put(Dimension.Fixed.REASON, reason.key());
            MetricResult result = metrics.compute(
                            Metric.REJECTED_MQLS,
                            new FunnelMetrics.Request(
                                    request.from(), request.to(), request.basis(), withReason, request.by()))
                    .result();
            var values = new ArrayList<Double>();
            for (String month : months) {
                values.add(result.parts().stream()
                        .filter(p -> p.key().equals(month))
                        .findFirst()
                        .flatMap(p -> p.figure().value())
                        .orElse(0.0));
            }
            series.add(new Series(reason.key(), values));
        }
        return new Chart(
                "rejections", "Rejections by reason, by month", "stacked", "count", months, series, Optional.empty());
    }

    private Chart responseTimes(DashboardFilters filters) {
        var request = filters.request(Optional.of(Dimension.Fixed.WEEK));
        MetricResult median =
                metrics.compute(Metric.MEDIAN_RESPONSE_TIME, request).result();
        MetricResult mean =
                metrics.compute(Metric.AVERAGE_RESPONSE_TIME, request).result();
        List<String> weeks = median.parts().stream().map(MetricResult.Part::key).toList();
        return new Chart(
                "response-time",
                "Response time from MQL to first touch, by week (hours)",
                "line",
                "hours",
                weeks,
                List.of(new Series("median", values(median, weeks)), new Series("mean", values(mean, weeks))),
                metrics.target(Metric.MEDIAN_RESPONSE_TIME)
                        .flatMap(t -> t.atMost().or(t::atLeast))
                        .map(Measure::inFigures));
    }

    /** The MQLs of the period by how long they waited for their first touch: a histogram, without a target line. */
    private Chart responseDistribution(DashboardFilters filters) {
        Chart counts = byPart(
                "response-distribution",
                "How long MQLs waited for their first touch (business hours)",
                "bar",
                Metric.MQLS,
                filters,
                Dimension.Fixed.RESPONSE);
        return new Chart(
                counts.id(),
                counts.title(),
                counts.kind(),
                counts.unit(),
                counts.labels(),
                counts.series(),
                Optional.empty());
    }

    private static List<Double> values(MetricResult result, List<String> keys) {
        var values = new ArrayList<Double>();
        for (String key : keys) {
            values.add(result.parts().stream()
                    .filter(p -> p.key().equals(key))
                    .findFirst()
                    .flatMap(p -> p.figure().value())
                    .orElse(null));
        }
        return values;
    }

    /** A value as a chart draws it: percentages as 0–100. */
    private static Double shown(Metric metric, Optional<Double> value) {
        return value.map(v -> metric.kind() == Metric.Kind.PERCENT ? round(v * 100) : round(v))
                .orElse(null);
    }

    private static double shown(Metric metric, Measure measure) {
        return metric.kind() == Metric.Kind.PERCENT ? round(measure.inFigures() * 100) : measure.inFigures();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String unit(Metric.Kind kind) {
        return switch (kind) {
            case PERCENT -> "%";
            case DURATION -> "hours";
            case RATIO -> "×";
            case AMOUNT -> "amount";
            default -> "count";
        };
    }

    /** A figure as the scorecard writes it. */
    static String format(Metric.Kind kind, double value) {
        return switch (kind) {
            case PERCENT -> String.format(Locale.ROOT, "%.0f%%", value * 100);
            case DURATION -> String.format(Locale.ROOT, "%.1f h", value);
            case RATIO -> String.format(Locale.ROOT, "%.1f×", value);
            case AMOUNT -> String.format(Locale.ROOT, "%,.0f", value);
            default -> String.format(Locale.ROOT, "%,.0f", value);
        };
    }
}
