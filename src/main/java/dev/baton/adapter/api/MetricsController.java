package dev.baton.adapter.api;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.baton.core.agreement.Target;
import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.FunnelMetrics;
import dev.baton.core.engine.Plans;
import dev.baton.core.engine.Scorecards;
import dev.baton.core.metrics.Basis;
import dev.baton.core.metrics.Dimension;
import dev.baton.core.metrics.Formula;
import dev.baton.core.metrics.Measure;
import dev.baton.core.metrics.Metric;
import dev.baton.core.metrics.MetricResult;
import dev.baton.core.metrics.MetricText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The funnel's metrics, defined once: the catalogue with every definition, one metric for a period, slice and
 * breakdown, and the funnel stage by stage. Each answers JSON, or CSV with {@code Accept: text/csv}.
 */
@RestController
@RequestMapping(path = "/api/v1")
@Tag(name = "Metrics", description = "The funnel and its metrics, as both teams read them")
class MetricsController {

    static final String CSV = "text/csv";

    private final FunnelMetrics metrics;
    private final Scorecards scorecards;

    private final Plans plans;

    MetricsController(FunnelMetrics metrics, Scorecards scorecards, Plans plans) {
        this.metrics = metrics;
        this.scorecards = scorecards;
        this.plans = plans;
    }

    /** What a source (or the whole) needs per month; null where its rates cannot get there (nothing converted). */
    record NeedView(
            String source,
            double shareOfWon,
            double won,
            @Nullable Double opportunities,
            @Nullable Double sqls,
            @Nullable Double mqls,
            @Nullable Double pipeline,
            @Nullable Double mqlToSql,
            @Nullable Double sqlToOpportunity,
            @Nullable Double opportunityToWon,
            @Nullable Double averageDealSize) {
        static NeedView of(Plans.Need need) {
            return new NeedView(
                    need.source(),
                    need.shareOfWon(),
                    need.won(),
                    finite(need.opportunities()),
                    finite(need.sqls()),
                    finite(need.mqls()),
                    finite(need.pipeline()),
                    need.mqlToSql().orElse(null),
                    need.sqlToOpportunity().orElse(null),
                    need.opportunityToWon().orElse(null),
                    need.averageDealSize().orElse(null));
        }

        private static @Nullable Double finite(double value) {
            return Double.isFinite(value) ? value : null;
        }
    }

    /** The reverse funnel: per month, from the goal back to the MQLs, with the months it was measured over. */
    record PlanView(
            LocalDate measuredFrom,
            LocalDate measuredTo,
            double wonPerMonth,
            List<NeedView> sources,
            NeedView total,
            @Nullable Double mqlTargetPerMonth,
            List<String> notes) {}

    @GetMapping(path = "/plan", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Work back from a goal — won deals or revenue, per month or per week — through the conversion"
                    + " rates of the last whole months (months, 6 by default) to the opportunities, SQLs, MQLs and pipeline"
                    + " needed per month, by source")
    PlanView plan(
            @RequestParam(required = false) @Nullable Double won,
            @RequestParam(required = false) @Nullable Double revenue,
            @RequestParam(required = false) @Nullable String per,
            @RequestParam(defaultValue = "6") int months,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String campaign,
            @RequestParam(required = false) @Nullable String team,
            @RequestParam(required = false) @Nullable String rep,
            @RequestParam(required = false) @Nullable List<String> segment) {
        double perMonth = per == null || per.strip().equalsIgnoreCase("month")
                ? 1
                : per.strip().equalsIgnoreCase("week") ? 365.2425 / 12 / 7 : badPer(per);
        Plans.Plan plan = plans.plan(new Plans.Goal(
                Optional.ofNullable(won).map(w -> w * perMonth),
                Optional.ofNullable(revenue).map(r -> r * perMonth),
                months,
                request(null, null, null, null, source, campaign, team, rep, null, null, null, segment)
                        .filters()));
        return new PlanView(
                plan.from(),
                plan.to(),
                plan.wonPerMonth(),
                plan.sources().stream().map(NeedView::of).toList(),
                NeedView.of(plan.total()),
                plan.mqlTarget().orElse(null),
                plan.notes());
    }

    private static double badPer(String per) {
        throw new BatonException.Invalid("per", "a goal is per month or per week, not '" + per + "'");
    }

    /** A line of the scorecard: the metric's figures, its target and where it stands. */
    record LineView(
            String metric,
            String title,
            String status,
            String unit,
            @Nullable Double value,
            @Nullable Double numerator,
            @Nullable Double denominator,
            long count,
            @Nullable TargetView target,
            @Nullable String by,
            List<PartView> parts) {
        static LineView of(Scorecards.Line line) {
            ReportView report = view(line.report());
            return new LineView(
                    report.metric(),
                    report.title(),
                    line.status().word(),
                    report.unit(),
                    report.value(),
                    report.numerator(),
                    report.denominator(),
                    report.count(),
                    report.target(),
                    report.by(),
                    report.parts());
        }
    }

    /** The two-sided scorecard of a period. */
    record ScorecardView(
            LocalDate from,
            LocalDate to,
            String statusRule,
            List<LineView> marketing,
            List<LineView> sales,
            List<LineView> shared) {}

    @GetMapping(path = "/scorecard", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The two-sided scorecard: marketing's commitments beside sales', and the shared numbers, each"
                    + " with its target, owner and status (on-track, at-risk, off-track, no-target, no-data; the rule is in"
                    + " statusRule)")
    ScorecardView scorecard(@ParameterObject Slice slice) {
        Scorecards.Scorecard card = scorecards.scorecard(slice.request(null, null, null, null));
        return new ScorecardView(
                card.from(),
                card.to(),
                card.rule(),
                card.marketing().stream().map(LineView::of).toList(),
                card.sales().stream().map(LineView::of).toList(),
                card.shared().stream().map(LineView::of).toList());
    }

    @GetMapping(path = "/scorecard", produces = CSV)
    @Operation(
            summary = "The scorecard as CSV: a row per line, with its side, figures, target and status",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = CSV)))
    String scorecardCsv(@ParameterObject Slice slice) {
        ScorecardView card = scorecard(slice);
        var rows = new ArrayList<List<String>>();
        rows.add(List.of(
                "side", "metric", "value", "numerator", "denominator", "at_least", "at_most", "owner", "status"));
        for (var side : List.of(
                Map.entry("marketing", card.marketing()),
                Map.entry("sales", card.sales()),
                Map.entry("shared", card.shared()))) {
            for (LineView line : side.getValue()) {
                TargetView target = line.target();
                rows.add(List.of(
                        side.getKey(),
                        line.metric(),
                        text(line.value()),
                        text(line.numerator()),
                        text(line.denominator()),
                        target == null || target.atLeast() == null ? "" : target.atLeast(),
                        target == null || target.atMost() == null ? "" : target.atMost(),
                        target == null ? "" : target.owner(),
                        line.status()));
            }
        }
        return csv(rows);
    }

    /**
     * The slice of the funnel a question is about, from the query string: the period (days in the agreement's
     * timezone, the current month and the two before by default) and the filters, {@code segment=field:value} for a
     * lead or company field.
     */
    record Slice(
            @Nullable String from,
            @Nullable String to,
            @Nullable String source,
            @Nullable String campaign,
            @Nullable String team,
            @Nullable String rep,
            @Nullable String version,
            @Nullable List<String> segment) {

        FunnelMetrics.Request request(
                @Nullable String basis, @Nullable String by, @Nullable String reason, @Nullable String clock) {
            return MetricsController.request(
                    from, to, basis, by, source, campaign, team, rep, version, reason, clock, segment);
        }
    }

    /** A metric as the catalogue lists it. */
    record Definition(
            String id,
            String title,
            String definition,
            String numerator,
            @Nullable String periodNumerator,
            String denominator,
            String clock,
            String kind,
            String unit,
            String owner,
            String direction,
            List<String> bases,
            @Nullable TargetView target) {}

    /** The active agreement's target for a metric, and whether the figure meets it. */
    record TargetView(
            @Nullable String atLeast,
            @Nullable String atMost,
            String owner,
            @Nullable Boolean met) {}

    /** Figures of the whole or of a part; a value is null where there is nothing to compute it from. */
    record FigureView(
            @Nullable Double value,
            @Nullable Double numerator,
            @Nullable Double denominator,
            long count) {
        static FigureView of(MetricResult.Figure figure) {
            return new FigureView(
                    figure.value().orElse(null),
                    figure.numerator().orElse(null),
                    figure.denominator().orElse(null),
                    figure.count());
        }
    }

    /** One part of a breakdown. */
    record PartView(
            String key,
            @Nullable Double value,
            @Nullable Double numerator,
            @Nullable Double denominator,
            long count) {}

    /** A metric's figures for a request. */
    record ReportView(
            String metric,
            String title,
            String unit,
            String basis,
            LocalDate from,
            LocalDate to,
            @Nullable Double value,
            @Nullable Double numerator,
            @Nullable Double denominator,
            long count,
            @Nullable TargetView target,
            @Nullable String by,
            List<PartView> parts) {}

    /** A stage of the funnel. */
    record StageView(
            String stage,
            long count,
            @Nullable Double ofMqls,
            @Nullable Double ofPrevious) {}

    /** One part of a funnel breakdown. */
    record FunnelPart(String key, List<StageView> stages) {}

    /** The funnel of a period. */
    record FunnelView(
            String basis,
            LocalDate from,
            LocalDate to,
            List<StageView> stages,
            @Nullable String by,
            List<FunnelPart> parts) {}

    @GetMapping(path = "/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Every metric with its definition: numerator, denominator, the clock that puts a lead in a"
                    + " period, unit, owner, direction, and the active agreement's target")
    List<Definition> catalogue() {
        return Arrays.stream(Metric.values()).map(this::definition).toList();
    }

    @GetMapping(path = "/metrics/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "One metric for a period (from and to are days in the agreement's timezone, the current"
                    + " month and the two before by default), as a cohort (default) or a period figure, for a slice"
                    + " (source, campaign, team, rep, version, segment=field:value) and broken down by one dimension")
    ReportView metric(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String basis,
            @RequestParam(required = false) @Nullable String by,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String clock,
            @ParameterObject Slice slice) {
        Metric metric = metricOf(id);
        FunnelMetrics.Request request = slice.request(basis, by, reason, clock);
        return view(metrics.compute(metric, request));
    }

    @GetMapping(path = "/metrics/{id}", produces = CSV)
    @Operation(
            summary = "One metric as CSV: a row for the whole (key 'total'), then a row per part",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = CSV)))
    String metricCsv(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String basis,
            @RequestParam(required = false) @Nullable String by,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String clock,
            @ParameterObject Slice slice) {
        ReportView report = metric(id, basis, by, reason, clock, slice);
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("key", "value", "numerator", "denominator", "count"));
        rows.add(List.of(
                "total",
                text(report.value()),
                text(report.numerator()),
                text(report.denominator()),
                String.valueOf(report.count())));
        for (PartView part : report.parts()) {
            rows.add(List.of(
                    part.key(),
                    text(part.value()),
                    text(part.numerator()),
                    text(part.denominator()),
                    String.valueOf(part.count())));
        }
        return csv(rows);
    }

    @GetMapping(path = "/funnel", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The funnel of a period, stage by stage (MQL, accepted, SQL, opportunity, won): of the MQLs"
                    + " of the period as a cohort (default), or each stage's own count in the period; with a breakdown")
    FunnelView funnel(
            @RequestParam(required = false) @Nullable String basis,
            @RequestParam(required = false) @Nullable String by,
            @ParameterObject Slice slice) {
        FunnelMetrics.Funnel funnel = metrics.funnel(slice.request(basis, by, null, null));
        var parts = new ArrayList<FunnelPart>();
        funnel.parts().forEach((key, stages) -> parts.add(new FunnelPart(key, stages(stages))));
        return new FunnelView(
                funnel.basis().word(),
                funnel.from(),
                funnel.to(),
                stages(funnel.stages()),
                by == null ? null : by.strip(),
                parts);
    }

    @GetMapping(path = "/funnel", produces = CSV)
    @Operation(
            summary = "The funnel as CSV: a row for the whole (key 'total'), then a row per part, a column per stage",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = CSV)))
    String funnelCsv(
            @RequestParam(required = false) @Nullable String basis,
            @RequestParam(required = false) @Nullable String by,
            @ParameterObject Slice slice) {
        FunnelView funnel = funnel(basis, by, slice);
        var rows = new ArrayList<List<String>>();
        var header = new ArrayList<>(List.of("key"));
        funnel.stages().forEach(stage -> header.add(stage.stage().replace(' ', '_')));
        header.add("mql_to_won");
        rows.add(header);
        rows.add(funnelRow("total", funnel.stages()));
        funnel.parts().forEach(part -> rows.add(funnelRow(part.key(), part.stages())));
        return csv(rows);
    }

    /** One stage of a cohort: how many of its MQLs reached it by now, their share, and the median time it took. */
    record CohortStage(
            String stage,
            long count,
            @Nullable Double share,
            @Nullable Double medianHours) {}

    /** The MQLs of one month or week. */
    record CohortView(String cohort, long mqls, List<CohortStage> stages) {}

    /** The cohorts of a period. */
    record CohortsView(String grain, LocalDate from, LocalDate to, List<CohortView> cohorts) {}

    @GetMapping(path = "/cohorts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The MQLs of each month (or week, grain=week) of the period and the share of them that"
                    + " reached accepted, SQL, opportunity and won by now, with the median hours it took")
    CohortsView cohorts(@RequestParam(required = false) @Nullable String grain, @ParameterObject Slice slice) {
        Formula.Grain unit = grain(grain);
        FunnelMetrics.Cohorts cohorts = metrics.cohorts(slice.request(null, null, null, null), unit);
        return new CohortsView(
                unit.name().toLowerCase(Locale.ROOT),
                cohorts.from(),
                cohorts.to(),
                cohorts.cohorts().stream()
                        .map(c -> new CohortView(
                                c.key(),
                                c.mqls(),
                                c.stages().stream()
                                        .map(r -> new CohortStage(
                                                r.stage().label(),
                                                r.count(),
                                                r.share().orElse(null),
                                                r.medianHours().orElse(null)))
                                        .toList()))
                        .toList());
    }

    @GetMapping(path = "/cohorts", produces = CSV)
    @Operation(
            summary = "The cohorts as CSV: a row per month or week, the count and share of each stage",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = CSV)))
    String cohortsCsv(@RequestParam(required = false) @Nullable String grain, @ParameterObject Slice slice) {
        CohortsView view = cohorts(grain, slice);
        var rows = new ArrayList<List<String>>();
        var header = new ArrayList<>(List.of("cohort", "mqls"));
        for (String stage : FunnelMetrics.STAGES.stream().map(m -> m.word()).toList()) {
            header.add(stage);
            header.add(stage + "_share");
            header.add(stage + "_median_hours");
        }
        rows.add(header);
        for (CohortView cohort : view.cohorts()) {
            var row = new ArrayList<>(List.of(cohort.cohort(), String.valueOf(cohort.mqls())));
            for (CohortStage stage : cohort.stages()) {
                row.add(String.valueOf(stage.count()));
                row.add(text(stage.share()));
                row.add(text(stage.medianHours()));
            }
            rows.add(row);
        }
        return csv(rows);
    }

    /** One line of the pipeline by engagement. */
    record EngagementLine(String key, String type, long opportunities, double pipeline, long won, double revenue) {}

    /** The pipeline by engagement of a period. */
    record EngagementView(LocalDate from, LocalDate to, String by, String definition, List<EngagementLine> lines) {}

    static final String ENGAGEMENT = "Of the opportunities opened in the period, by source (or by=), those whose lead"
            + " had an event of each type before the opportunity opened: how many, their pipeline, and how many of them"
            + " were won and for how much. A lead with several types of engagement counts under each, so the types of"
            + " a part overlap; the type (all) is every opportunity of the part. From the engagement Baton keeps per"
            + " lead and event type in the transaction that stores the events.";

    @GetMapping(path = "/engagement", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Pipeline by source and event type: the engagement the period's opportunities came from")
    EngagementView engagement(@RequestParam(required = false) @Nullable String by, @ParameterObject Slice slice) {
        FunnelMetrics.Engagements engagements = metrics.engagement(slice.request(null, by, null, null));
        return new EngagementView(
                engagements.from(),
                engagements.to(),
                engagements.by().word(),
                ENGAGEMENT,
                engagements.lines().stream()
                        .map(line -> new EngagementLine(
                                line.key(),
                                line.type(),
                                line.opportunities(),
                                line.pipeline(),
                                line.won(),
                                line.revenue()))
                        .toList());
    }

    @GetMapping(path = "/engagement", produces = CSV)
    @Operation(
            summary = "Pipeline by source and event type as CSV",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = CSV)))
    String engagementCsv(@RequestParam(required = false) @Nullable String by, @ParameterObject Slice slice) {
        EngagementView view = engagement(by, slice);
        var rows = new ArrayList<List<String>>();
        rows.add(List.of(view.by(), "event_type", "opportunities", "pipeline", "won", "revenue"));
        for (EngagementLine line : view.lines()) {
            rows.add(List.of(
                    line.key(),
                    line.type(),
                    String.valueOf(line.opportunities()),
                    text(line.pipeline()),
                    String.valueOf(line.won()),
                    text(line.revenue())));
        }
        return csv(rows);
    }

    private static Formula.Grain grain(@Nullable String text) {
        if (text == null) {
            return Formula.Grain.MONTH;
        }
        return Arrays.stream(Formula.Grain.values())
                .filter(g -> g.name().equalsIgnoreCase(text.strip()))
                .findFirst()
                .orElseThrow(() -> new BatonException.Invalid("grain", "grain is month or week, not '" + text + "'"));
    }

    private static List<String> funnelRow(String key, List<StageView> stages) {
        var row = new ArrayList<>(List.of(key));
        stages.forEach(stage -> row.add(String.valueOf(stage.count())));
        row.add(text(stages.get(stages.size() - 1).ofMqls()));
        return row;
    }

    private static List<StageView> stages(List<FunnelMetrics.Stage> stages) {
        return stages.stream()
                .map(s -> new StageView(
                        s.stage(),
                        s.count(),
                        s.ofMqls().orElse(null),
                        s.ofPrevious().orElse(null)))
                .toList();
    }

    private Definition definition(Metric metric) {
        Optional<Target> target = metrics.target(metric);
        return new Definition(
                metric.id(),
                metric.title(),
                metric.definition(),
                MetricText.numerator(metric, Basis.COHORT),
                metric.hasBases() ? MetricText.numerator(metric, Basis.PERIOD) : null,
                MetricText.denominator(metric),
                MetricText.clock(metric, Basis.COHORT),
                metric.kind().name().toLowerCase(Locale.ROOT),
                MetricText.unit(metric),
                target.map(t -> t.owner()).orElse(metric.owner()).word(),
                metric.direction().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                metric.hasBases() ? List.of("cohort", "period") : List.of(),
                target.map(t -> targetView(t, Optional.empty())).orElse(null));
    }

    private static ReportView view(FunnelMetrics.Report report) {
        MetricResult.Figure total = report.result().total();
        List<PartView> parts = report.result().parts().stream()
                .map(p -> new PartView(
                        p.key(),
                        p.figure().value().orElse(null),
                        p.figure().numerator().orElse(null),
                        p.figure().denominator().orElse(null),
                        p.figure().count()))
                .toList();
        return new ReportView(
                report.metric().id(),
                report.metric().title(),
                MetricText.unit(report.metric()),
                report.basis().word(),
                report.from(),
                report.to(),
                total.value().orElse(null),
                total.numerator().orElse(null),
                total.denominator().orElse(null),
                total.count(),
                report.target().map(t -> targetView(t, total.value())).orElse(null),
                report.by().map(Dimension::word).orElse(null),
                parts);
    }

    private static TargetView targetView(Target target, Optional<Double> value) {
        Optional<Boolean> met = value.map(v -> Scorecards.status(target, v) == Scorecards.Status.ON_TRACK);
        return new TargetView(
                target.atLeast().map(Measure::text).orElse(null),
                target.atMost().map(Measure::text).orElse(null),
                target.owner().word(),
                met.orElse(null));
    }

    private static Metric metricOf(String id) {
        return Metric.byId(id.strip())
                .orElseThrow(() -> new BatonException.NotFound(
                        "there is no metric '" + id + "'; GET /api/v1/metrics" + " lists them"));
    }

    private static FunnelMetrics.Request request(
            @Nullable String from,
            @Nullable String to,
            @Nullable String basis,
            @Nullable String by,
            @Nullable String source,
            @Nullable String campaign,
            @Nullable String team,
            @Nullable String rep,
            @Nullable String version,
            @Nullable String reason,
            @Nullable String clock,
            @Nullable List<String> segment) {
        var filters = new LinkedHashMap<Dimension, String>();
        filter(filters, Dimension.Fixed.SOURCE, source);
        filter(filters, Dimension.Fixed.CAMPAIGN, campaign);
        filter(filters, Dimension.Fixed.TEAM, team);
        filter(filters, Dimension.Fixed.REP, rep);
        filter(filters, Dimension.Fixed.VERSION, version);
        filter(filters, Dimension.Fixed.REASON, reason);
        filter(filters, Dimension.Fixed.CLOCK, clock);
        for (String slice : segment == null ? List.<String>of() : segment) {
            int colon = slice.indexOf(':');
            Optional<Dimension> field = colon > 0
                    ? Dimension.of(slice.substring(0, colon).strip()).filter(d -> d instanceof Dimension.Segment)
                    : Optional.empty();
            if (field.isEmpty() || colon == slice.length() - 1) {
                throw new BatonException.Invalid(
                        "segment", "a segment is a lead or company field and a value, like company.industry:SaaS");
            }
            filters.put(field.get(), slice.substring(colon + 1).strip());
        }
        Optional<Dimension> breakdown = Optional.ofNullable(by)
                .map(String::strip)
                .map(word -> Dimension.of(word)
                        .orElseThrow(() -> new BatonException.Invalid(
                                "by", "'" + word + "' is not a breakdown: " + Dimension.words())));
        return new FunnelMetrics.Request(
                QueryParams.date("from", from),
                QueryParams.date("to", to),
                basis(basis),
                Map.copyOf(filters),
                breakdown);
    }

    private static void filter(Map<Dimension, String> filters, Dimension dimension, @Nullable String value) {
        if (value != null) {
            if (value.isBlank()) {
                throw new BatonException.Invalid(dimension.word(), "an empty " + dimension.word() + " matches nothing");
            }
            filters.put(dimension, value.strip());
        }
    }

    private static Optional<Basis> basis(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Arrays.stream(Basis.values())
                .filter(b -> b.word().equals(text.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .map(Optional::of)
                .orElseThrow(
                        () -> new BatonException.Invalid("basis", "basis is cohort or period, not '" + text + "'"));
    }

    private static String text(@Nullable Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf(value.longValue())
                : String.format(Locale.ROOT, "%.6f", value);
    }

    static String csv(List<List<String>> rows) {
        var out = new StringWriter();
        try (CsvWriter writer = CsvWriter.builder().build(out)) {
            rows.forEach(writer::writeRecord);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }
}
