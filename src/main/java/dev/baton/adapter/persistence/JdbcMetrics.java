package dev.baton.adapter.persistence;

import dev.baton.core.metrics.Basis;
import dev.baton.core.metrics.Cohort;
import dev.baton.core.metrics.Dimension;
import dev.baton.core.metrics.Engagement;
import dev.baton.core.metrics.Formula;
import dev.baton.core.metrics.MetricQuery;
import dev.baton.core.metrics.MetricResult;
import dev.baton.core.metrics.MetricsStore;
import dev.baton.core.metrics.Moment;
import dev.baton.core.metrics.Periods;
import dev.baton.core.sla.ClockKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The metrics in SQL, over {@code funnel_cycle} (and the response times and clocks of its cycles). Each formula is one
 * grouped query, or two for a period rate (its numerator and denominator fall in the period by different moments);
 * a breakdown groups by the dimension's expression, in which a missing value is {@code (none)}, so that the parts add
 * up to the whole. Column names come from the Moment enum and the fixed dimensions, never from the request; filter
 * values and segment fields are bound parameters.
 */
public final class JdbcMetrics implements MetricsStore {

    static final String NONE = "(none)";
    /** The joins a segment (a lead or company field) needs; left out of the queries that use none. */
    private static final String SEGMENT_JOINS =
            " left join lead l on l.id = c.lead_id left join company co on co.id = l.company_id";

    private static final String FUNNEL = " from funnel_cycle c" + SEGMENT_JOINS;

    /** A cycle whose lead came from a marketing source: one set, and not a sales source ({@code :sales}). */
    private static final String MARKETING_SOURCE =
            "c.source is not null and not (c.source = any(cast(:sales as text[])))";

    private final JdbcClient jdbc;

    public JdbcMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public MetricResult compute(Formula formula, MetricQuery query) {
        if (formula instanceof Formula.Count count) {
            return count(count, query);
        }
        if (formula instanceof Formula.Conversion conversion) {
            return query.basis() == Basis.PERIOD ? periodConversion(conversion, query) : cohort(conversion, query);
        }
        if (formula instanceof Formula.ReachedWithin within) {
            return reachedWithin(within, query);
        }
        if (formula instanceof Formula.Elapsed elapsed) {
            return elapsed(elapsed, query);
        }
        if (formula instanceof Formula.Amount amount) {
            return amount(amount, query);
        }
        if (formula instanceof Formula.ResponseTime response) {
            return response(response, query);
        }
        if (formula instanceof Formula.ClockCompliance compliance) {
            return compliance(compliance, query);
        }
        if (formula instanceof Formula.SourcedShare) {
            return sourcedShare(query);
        }
        if (formula instanceof Formula.Attributed attributed) {
            return attributed(attributed, query);
        }
        if (formula instanceof Formula.CostPer cost) {
            return costPer(cost, query);
        }
        if (formula instanceof Formula.FitShare) {
            return fitShare(query);
        }
        if (formula instanceof Formula.WithReason reason) {
            return withReason(reason, query);
        }
        throw new IllegalArgumentException(formula + " is not computed by the store");
    }

    /**
     * Many formulas over one slice at once: those that count the cycles whose moment falls in the period in one scan of
     * the funnel's rows (each formula's figures are aggregates of their own, filtered to its moment and what else it
     * needs); the others one by one. Gives each formula the figures {@link #compute} gives it.
     */
    @Override
    public Map<Formula, MetricResult> computeAll(List<Formula> formulas, MetricQuery query) {
        var results = new java.util.HashMap<Formula, MetricResult>();
        var scans = new java.util.LinkedHashMap<String, List<Aggregate>>();
        boolean sliced = query.by()
                        .filter(by -> by == Dimension.Fixed.REASON || by == Dimension.Fixed.CLOCK)
                        .isPresent()
                || query.filters().containsKey(Dimension.Fixed.REASON)
                || query.filters().containsKey(Dimension.Fixed.CLOCK);
        for (Formula formula : new java.util.LinkedHashSet<>(formulas)) {
            Optional<Aggregate> aggregate = sliced ? Optional.empty() : aggregate(formula, query);
            if (aggregate.isPresent()) {
                scans.computeIfAbsent(aggregate.get().period(), period -> new ArrayList<>())
                        .add(aggregate.get());
            } else {
                results.put(formula, compute(formula, query));
            }
        }
        // by month or week each moment keys its parts by its own time: a scan per moment; otherwise one for all
        boolean byTime = query.by()
                .filter(by -> by == Dimension.Fixed.MONTH || by == Dimension.Fixed.WEEK)
                .isPresent();
        if (byTime) {
            scans.values().forEach(aggregates -> results.putAll(scan(aggregates, query)));
        } else if (!scans.isEmpty()) {
            results.putAll(scan(scans.values().stream().flatMap(List::stream).toList(), query));
        }
        var ordered = new java.util.LinkedHashMap<Formula, MetricResult>();
        formulas.forEach(formula -> ordered.put(formula, results.get(formula)));
        return ordered;
    }

    /** How a formula's figures are read from a scan's rows. */
    private enum Reading {
        /** Numerator over denominator. */
        RATIO,
        /** A count of cycles, per month or week where the count says so. */
        COUNT,
        /** A statistic's value (a sum adds up over the parts; a mean or median only without a breakdown). */
        STATISTIC
    }

    /** A formula as aggregates over the cycles whose moment ({@code period}, a column) falls in the period. */
    private record Aggregate(
            Formula formula, String period, String num, String den, String val, String n, Reading reading) {}

    /**
     * The formula as aggregates of one scan, when it can be one; empty for those computed on their own. {@code IN}
     * in an aggregate's filter stands for the formula's own period, so that one scan can hold formulas of several.
     */
    private Optional<Aggregate> aggregate(Formula formula, MetricQuery query) {
        boolean whole = query.by().isEmpty();
        if (formula instanceof Formula.Count count) {
            String all = "count(*) filter (where " + IN + ")";
            return Optional.of(new Aggregate(formula, at(count.moment()), all, "null", all, all, Reading.COUNT));
        }
        if (formula instanceof Formula.Conversion conversion && query.basis() == Basis.COHORT) {
            String all = "count(*) filter (where " + IN + ")";
            return Optional.of(ratio(
                    formula,
                    at(conversion.from()),
                    "count(*) filter (where " + IN + " and " + at(conversion.to()) + " <= :asOf)",
                    all,
                    all));
        }
        if (formula instanceof Formula.ReachedWithin within) {
            String from = at(within.from());
            String to = at(within.to());
            String deadline =
                    from + " + make_interval(secs => " + within.within().toSeconds() + ")";
            String reached = to + " <= " + deadline + " and " + to + " <= :asOf";
            String counted = "count(*) filter (where " + IN + " and (" + deadline + " <= :asOf or (" + reached + ")))";
            return Optional.of(
                    ratio(formula, from, "count(*) filter (where " + IN + " and " + reached + ")", counted, counted));
        }
        if (formula instanceof Formula.WithReason reason) {
            String code = "c." + reason.moment().word().replace('-', '_') + "_reason";
            String all = "count(*) filter (where " + IN + ")";
            return Optional.of(
                    ratio(formula, at(reason.moment()), "count(" + code + ") filter (where " + IN + ")", all, all));
        }
        if (formula instanceof Formula.FitShare) {
            String known = "count(c.fit) filter (where " + IN + ")";
            return Optional.of(ratio(
                    formula,
                    "c.qualified_at",
                    "count(*) filter (where " + IN + " and c.fit >= :minFit)",
                    known,
                    known));
        }
        if (formula instanceof Formula.SourcedShare) {
            return Optional.of(ratio(
                    formula,
                    "c.opportunity_at",
                    "coalesce(sum(c.amount) filter (where " + IN + " and " + MARKETING_SOURCE + "), 0)",
                    "sum(c.amount) filter (where " + IN + ")",
                    "count(c.amount) filter (where " + IN + ")"));
        }
        if (formula instanceof Formula.ClockCompliance compliance
                && query.by().filter(Dimension.Fixed.REP::equals).isEmpty()
                && !query.filters().containsKey(Dimension.Fixed.REP)
                && !decidedAfter(query.asOf())) {
            List<ClockKind> kinds = java.util.Arrays.stream(ClockKind.values())
                    .filter(kind -> compliance.clock().map(kind.word()::equals).orElse(true))
                    .toList();
            String in = " filter (where " + IN + "), 0)";
            String met = "coalesce(sum(" + sum(kinds, "_met") + ")" + in;
            String decided = "coalesce(sum(" + sum(kinds, "_met") + " + " + sum(kinds, "_breached") + ")" + in;
            return Optional.of(ratio(formula, "c.qualified_at", met, decided, decided));
        }
        if (formula instanceof Formula.ResponseTime response && whole) {
            String touched = " filter (where " + IN + " and c.response_at <= :asOf)";
            return Optional.of(new Aggregate(
                    formula,
                    "c.qualified_at",
                    "null",
                    "null",
                    aggregate(response.statistic(), responseHours(response)) + touched,
                    "count(*)" + touched,
                    Reading.STATISTIC));
        }
        if (formula instanceof Formula.Amount amount && (whole || amount.statistic() == Formula.Statistic.SUM)) {
            String in = " filter (where " + IN + ")";
            return Optional.of(new Aggregate(
                    formula,
                    at(amount.moment()),
                    "null",
                    "null",
                    aggregate(amount.statistic(), "c.amount") + in,
                    "count(c.amount)" + in,
                    Reading.STATISTIC));
        }
        return Optional.empty();
    }

    /** In an aggregate's filter: the formula's own period, filled in by the scan. */
    private static final String IN = "<in period>";

    private static Aggregate ratio(Formula formula, String period, String num, String den, String n) {
        return new Aggregate(formula, period, num, den, "null", n, Reading.RATIO);
    }

    /**
     * One scan of the cycles whose moment falls in the period — any of the aggregates' moments — every formula's
     * aggregates side by side, each filtered to its own moment's cycles. A breakdown by month or week keys each part
     * by the first moment's time, so such a scan holds one moment only.
     */
    private Map<Formula, MetricResult> scan(List<Aggregate> aggregates, MetricQuery query) {
        var sql = new Sql(query, Optional.empty(), "c.rep");
        List<String> periods =
                aggregates.stream().map(Aggregate::period).distinct().toList();
        sql.and(periods.stream()
                .map(period -> "(" + Sql.period(period) + ")")
                .collect(java.util.stream.Collectors.joining(" or ", "(", ")")));
        sql.params.put("minFit", query.terms().minFit());
        sql.params.put("sales", query.terms().salesSources().toArray(String[]::new));
        var select =
                new StringBuilder("select ").append(sql.key(periods.get(0))).append(" as key");
        for (int i = 0; i < aggregates.size(); i++) {
            Aggregate aggregate = aggregates.get(i);
            // with one moment the where clause holds every cycle of the scan in its period already
            String in = periods.size() == 1 ? "true" : Sql.period(aggregate.period());
            select.append(", (")
                    .append(aggregate.num().replace(IN, in))
                    .append(")::float8 as num")
                    .append(i);
            select.append(", (")
                    .append(aggregate.den().replace(IN, in))
                    .append(")::float8 as den")
                    .append(i);
            select.append(", (")
                    .append(aggregate.val().replace(IN, in))
                    .append(")::float8 as val")
                    .append(i);
            select.append(", (")
                    .append(aggregate.n().replace(IN, in))
                    .append(")::bigint as n")
                    .append(i);
        }
        select.append(FUNNEL).append(sql.where()).append(" group by 1");
        List<List<Row>> rows = sql.query(select.toString(), (row, n) -> {
            var each = new ArrayList<Row>();
            for (int i = 0; i < aggregates.size(); i++) {
                each.add(new Row(
                        row.getString("key"),
                        Row.number(row, "num" + i),
                        Row.number(row, "den" + i),
                        Row.number(row, "val" + i),
                        row.getLong("n" + i)));
            }
            return each;
        });
        var results = new java.util.HashMap<Formula, MetricResult>();
        for (int i = 0; i < aggregates.size(); i++) {
            int column = i;
            Aggregate aggregate = aggregates.get(i);
            // a group that has none of this formula's cycles is not one of its parts
            List<Row> own = rows.stream()
                    .map(each -> each.get(column))
                    .filter(row -> row.count() > 0)
                    .toList();
            results.put(
                    aggregate.formula(),
                    switch (aggregate.reading()) {
                        case RATIO -> ratios(query, own);
                        case COUNT -> counted((Formula.Count) aggregate.formula(), query, own);
                        case STATISTIC -> statistic(query, own, isSum(aggregate.formula()));
                    });
        }
        return results;
    }

    private static boolean isSum(Formula formula) {
        return formula instanceof Formula.Amount amount && amount.statistic() == Formula.Statistic.SUM;
    }

    /** A statistic's figures from its rows: a sum adds up its parts; any other is one row without a breakdown. */
    private static MetricResult statistic(MetricQuery query, List<Row> rows, boolean sum) {
        long n = rows.stream().mapToLong(Row::count).sum();
        Optional<Double> total = sum
                ? Optional.of(
                        rows.stream().mapToDouble(r -> r.value().orElse(0.0)).sum())
                : rows.stream().findFirst().flatMap(Row::value);
        var figure = new MetricResult.Figure(total, sum ? total : Optional.empty(), Optional.of((double) n), n);
        return new MetricResult(
                figure,
                parts(
                        query,
                        rows,
                        row -> new MetricResult.Figure(
                                row.value(),
                                sum ? row.value() : Optional.empty(),
                                Optional.of((double) row.count()),
                                row.count())));
    }

    /** The SQL aggregate of a statistic over an expression. */
    private static String aggregate(Formula.Statistic statistic, String expression) {
        return switch (statistic) {
            case SUM -> "sum(" + expression + ")";
            case MEAN -> "avg(" + expression + ")";
            case MEDIAN -> "percentile_cont(0.5) within group (order by " + expression + ")";
            case P90 -> "percentile_cont(0.9) within group (order by " + expression + ")";
        };
    }

    @Override
    public List<Cohort> cohorts(MetricQuery query, Formula.Grain grain, List<Moment> stages) {
        var sql = new Sql(query, Optional.empty(), "c.rep").inPeriod("c.qualified_at");
        String format = grain == Formula.Grain.MONTH ? "'YYYY-MM'" : "'IYYY-\"W\"IW'";
        var select = new StringBuilder(
                "select to_char(c.qualified_at at time zone :zone, " + format + ") as key," + " count(*) as n");
        for (int i = 0; i < stages.size(); i++) {
            String reached = at(stages.get(i));
            select.append(", count(*) filter (where ")
                    .append(reached)
                    .append(" <= :asOf) as reached")
                    .append(i)
                    .append(", percentile_cont(0.5) within group (order by extract(epoch from (")
                    .append(reached)
                    .append(" - c.qualified_at)) / 3600.0) filter (where ")
                    .append(reached)
                    .append(" <= :asOf) as median")
                    .append(i);
        }
        select.append(FUNNEL).append(sql.where()).append(" group by 1 order by 1");
        var statement = jdbc.sql(sql.text(select.toString()));
        for (var param : sql.params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        return statement
                .query((row, n) -> {
                    long mqls = row.getLong("n");
                    var reached = new ArrayList<Cohort.Reached>();
                    for (int i = 0; i < stages.size(); i++) {
                        long count = row.getLong("reached" + i);
                        reached.add(new Cohort.Reached(
                                stages.get(i),
                                count,
                                mqls == 0 ? Optional.empty() : Optional.of((double) count / mqls),
                                Row.number(row, "median" + i)));
                    }
                    return new Cohort(row.getString("key"), mqls, reached);
                })
                .list();
    }

    @Override
    public List<Engagement> engagement(MetricQuery query) {
        var sql = new Sql(query, Optional.empty(), "c.rep")
                .inPeriod("c.opportunity_at")
                .and("c.amount is not null");
        String figures = ", count(*) as opportunities, coalesce(sum(c.amount), 0)::float8 as pipeline,"
                + " count(*) filter (where c.won_at <= :asOf) as won,"
                + " coalesce(sum(c.amount) filter (where c.won_at <= :asOf), 0)::float8 as revenue";
        String key = sql.key("c.opportunity_at");
        // lateral: a few index lookups per opportunity of the period rather than a pass over every lead's engagement
        var lines = new ArrayList<Engagement>(sql.query(
                "select " + key + " as key, e.type" + figures + FUNNEL
                        + " join lateral (select e.type from lead_engagement e where e.lead_id = c.lead_id"
                        + " and e.first_at < c.opportunity_at) e on true" + sql.where() + " group by 1, 2",
                (row, n) -> engagement(row, row.getString("type"))));
        lines.addAll(sql.query(
                "select " + key + " as key" + figures + FUNNEL + sql.where() + " group by 1",
                (row, n) -> engagement(row, Engagement.ALL)));
        lines.sort(java.util.Comparator.comparing(Engagement::key)
                .thenComparing(line -> !line.type().equals(Engagement.ALL))
                .thenComparing(Engagement::pipeline, java.util.Comparator.reverseOrder())
                .thenComparing(Engagement::type));
        return lines;
    }

    private static Engagement engagement(ResultSet row, String type) throws SQLException {
        return new Engagement(
                row.getString("key"),
                type,
                row.getLong("opportunities"),
                row.getDouble("pipeline"),
                row.getLong("won"),
                row.getDouble("revenue"));
    }

    private static String at(Moment moment) {
        return "c." + moment.word().replace('-', '_') + "_at";
    }

    /** A query being built: its where clause, its parameters, and the key expression of the breakdown. */
    private final class Sql {
        private final MetricQuery query;
        private final Map<String, Object> params = new java.util.HashMap<>();
        private final List<String> where = new ArrayList<>();
        private final Optional<Moment> reasonOf;
        private final String repColumn;
        private final String campaignColumn;
        private boolean segments;

        Sql(MetricQuery query, Optional<Moment> reasonOf, String repColumn) {
            this(query, reasonOf, repColumn, "c.campaign");
        }

        /** A query whose campaign is not the lead's campaign field but a campaign credited with the figure. */
        Sql(MetricQuery query, Optional<Moment> reasonOf, String repColumn, String campaignColumn) {
            this.query = query;
            this.reasonOf = reasonOf;
            this.repColumn = repColumn;
            this.campaignColumn = campaignColumn;
            params.put("from", Timestamp.from(query.from()));
            params.put("to", Timestamp.from(query.to()));
            params.put("asOf", Timestamp.from(query.asOf()));
            params.put("zone", query.zone().getId());
            int n = 0;
            for (var filter : query.filters().entrySet()) {
                String name = "f" + n++;
                where.add(expression(filter.getKey(), "c.qualified_at", name + "field") + " = :" + name);
                params.put(name, filter.getValue());
            }
        }

        Sql inPeriod(String column) {
            where.add(period(column));
            return this;
        }

        /** That a time column falls in the period, and not after the instant asked about. */
        static String period(String column) {
            return column + " >= :from and " + column + " < :to and " + column + " <= :asOf";
        }

        Sql and(String condition) {
            where.add(condition);
            return this;
        }

        /** The breakdown's key, with months and weeks by the given time column; a constant without a breakdown. */
        String key(String time) {
            return query.by().map(by -> expression(by, time, "byfield")).orElse("''");
        }

        String where() {
            return where.isEmpty() ? "" : " where " + String.join(" and ", where);
        }

        /** The SQL of a dimension's value for a cycle, never null. */
        private String expression(Dimension dimension, String time, String fieldParam) {
            if (dimension instanceof Dimension.Segment segment) {
                segments = true;
                params.put(fieldParam, segment.field());
                return "coalesce(" + (segment.ofCompany() ? "co" : "l") + ".profile->>:" + fieldParam + ", '" + NONE
                        + "')";
            }
            return switch ((Dimension.Fixed) dimension) {
                case SOURCE -> "coalesce(c.source, '" + NONE + "')";
                case CAMPAIGN -> "coalesce(" + campaignColumn + ", '" + NONE + "')";
                case TEAM -> "coalesce(c.team, '" + NONE + "')";
                case REP -> "coalesce(" + repColumn + ", '" + NONE + "')";
                case VERSION -> "coalesce(cast(c.agreement_version as text), 'imported')";
                case MONTH -> "coalesce(to_char(" + time + " at time zone :zone, 'YYYY-MM'), '" + NONE + "')";
                case WEEK -> "coalesce(to_char(" + time + " at time zone :zone, 'IYYY-\"W\"IW'), '" + NONE + "')";
                case REASON ->
                    "coalesce("
                            + reasonOf.map(m -> "c." + m.word().replace('-', '_') + "_reason")
                                    .orElseThrow(() -> new IllegalArgumentException("no reason to break down by"))
                            + ", '" + NONE + "')";
                case CLOCK -> "lower(replace(k.kind, '_', '-'))";
                case RESPONSE -> responseBand();
            };
        }

        /** The band of the cycle's wait for its first touch, in business hours; untouched while it still waits. */
        private static String responseBand() {
            var band = new StringBuilder("case when c.response_at is null or c.response_at > :asOf then '")
                    .append(Dimension.UNTOUCHED)
                    .append('\'');
            for (Dimension.Band each : Dimension.RESPONSE_BANDS) {
                band.append(
                        each.until() == Long.MAX_VALUE
                                ? " else '" + each.key() + "'"
                                : " when c.response_business_seconds < " + each.until() * 3600 + " then '" + each.key()
                                        + "'");
            }
            return band.append(" end").toString();
        }

        /** The query as it runs: without the segment joins when no segment is asked for. */
        String text(String select) {
            return segments ? select : select.replace(SEGMENT_JOINS, "");
        }

        /** Runs a query whose columns are key, numerator, denominator, value and count. */
        List<Row> rows(String select) {
            return query(select, (row, i) -> Row.of(row));
        }

        /** Runs a query with the parameters of this one, each row read by the mapper. */
        <T> List<T> query(String select, org.springframework.jdbc.core.RowMapper<T> mapper) {
            var statement = jdbc.sql(text(select));
            for (var param : params.entrySet()) {
                statement = statement.param(param.getKey(), param.getValue());
            }
            return statement.query(mapper).list();
        }
    }

    /** One group of a query: its key and its figures. */
    private record Row(
            String key, Optional<Double> numerator, Optional<Double> denominator, Optional<Double> value, long count) {
        static Row of(ResultSet row) throws SQLException {
            return new Row(
                    row.getString("key"), number(row, "num"), number(row, "den"), number(row, "val"), row.getLong("n"));
        }

        static Optional<Double> number(ResultSet row, String column) throws SQLException {
            double value = row.getDouble(column);
            return row.wasNull() ? Optional.empty() : Optional.of(value);
        }
    }

    private MetricResult count(Formula.Count count, MetricQuery query) {
        String at = at(count.moment());
        var sql = new Sql(query, Optional.of(count.moment()), "c.rep").inPeriod(at);
        String select = "select " + sql.key(at) + " as key, count(*) as num, null::float8 as den,"
                + " count(*)::float8 as val, count(*) as n" + FUNNEL + sql.where() + " group by 1";
        return counted(count, query, sql.rows(select));
    }

    /** A count's figures from its rows: per month or week when the count says so. */
    private MetricResult counted(Formula.Count count, MetricQuery query, List<Row> rows) {
        double units = count.per().map(per -> units(query, per)).orElse(1.0);
        return result(
                query,
                rows,
                all -> {
                    long n = all.stream().mapToLong(Row::count).sum();
                    return new MetricResult.Figure(
                            Optional.of(n / units), Optional.of((double) n), Optional.empty(), n);
                },
                row -> new MetricResult.Figure(
                        Optional.of(row.count() / units),
                        Optional.of((double) row.count()),
                        Optional.empty(),
                        row.count()));
    }

    /** How many calendar months or weeks the period spans, in the agreement's days. */
    private static double units(MetricQuery query, Formula.Grain grain) {
        return grain == Formula.Grain.MONTH
                ? Periods.months(query.from(), query.to(), query.zone())
                : Periods.weeks(query.from(), query.to(), query.zone());
    }

    private MetricResult cohort(Formula.Conversion conversion, MetricQuery query) {
        String from = at(conversion.from());
        String to = at(conversion.to());
        var sql = new Sql(query, Optional.empty(), "c.rep").inPeriod(from);
        String select = "select " + sql.key(from) + " as key, count(*) filter (where " + to
                + " <= :asOf)::float8 as num," + " count(*)::float8 as den, null::float8 as val, count(*) as n" + FUNNEL
                + sql.where() + " group by 1";
        return ratios(query, sql.rows(select));
    }

    private MetricResult periodConversion(Formula.Conversion conversion, MetricQuery query) {
        String from = at(conversion.from());
        String to = at(conversion.to());
        var entered = new Sql(query, Optional.empty(), "c.rep").inPeriod(from);
        var reached = new Sql(query, Optional.empty(), "c.rep").inPeriod(to);
        List<Row> denominators = entered.rows("select " + entered.key(from) + " as key, null::float8 as num,"
                + " count(*)::float8 as den, null::float8 as val, count(*) as n" + FUNNEL + entered.where()
                + " group by 1");
        List<Row> numerators = reached.rows("select " + reached.key(to) + " as key, count(*)::float8 as num,"
                + " null::float8 as den, null::float8 as val, 0::bigint as n" + FUNNEL + reached.where()
                + " group by 1");
        var merged = new TreeMap<String, double[]>();
        denominators.forEach(row -> merged.computeIfAbsent(row.key(), k -> new double[3])[1] +=
                row.denominator().orElse(0.0));
        denominators.forEach(row -> merged.get(row.key())[2] += row.count());
        numerators.forEach(row -> merged.computeIfAbsent(row.key(), k -> new double[3])[0] +=
                row.numerator().orElse(0.0));
        var rows = new ArrayList<Row>();
        merged.forEach((key, figures) -> rows.add(
                new Row(key, Optional.of(figures[0]), Optional.of(figures[1]), Optional.empty(), (long) figures[2])));
        return ratios(query, rows);
    }

    private MetricResult reachedWithin(Formula.ReachedWithin within, MetricQuery query) {
        String from = at(within.from());
        String to = at(within.to());
        String deadline = from + " + make_interval(secs => " + within.within().toSeconds() + ")";
        String reached = to + " <= " + deadline + " and " + to + " <= :asOf";
        // a cycle whose time is not up yet counts only once it has been reached: it may still be
        var sql = new Sql(query, Optional.empty(), "c.rep")
                .inPeriod(from)
                .and("(" + deadline + " <= :asOf or (" + reached + "))");
        String select = "select " + sql.key(from) + " as key, count(*) filter (where " + reached + ")::float8 as num,"
                + " count(*)::float8 as den, null::float8 as val, count(*) as n" + FUNNEL + sql.where() + " group by 1";
        return ratios(query, sql.rows(select));
    }

    private MetricResult elapsed(Formula.Elapsed elapsed, MetricQuery query) {
        String from = at(elapsed.from());
        String to = at(elapsed.to());
        var sql = new Sql(query, Optional.empty(), "c.rep").inPeriod(to).and(from + " is not null");
        String hours = "extract(epoch from (" + to + " - " + from + ")) / 3600.0";
        return statistics(sql, to, hours, elapsed.statistic(), FUNNEL);
    }

    private MetricResult amount(Formula.Amount amount, MetricQuery query) {
        String at = at(amount.moment());
        var sql = new Sql(query, Optional.empty(), "c.rep").inPeriod(at).and("c.amount is not null");
        return statistics(sql, at, "c.amount", amount.statistic(), FUNNEL);
    }

    private MetricResult response(Formula.ResponseTime response, MetricQuery query) {
        var sql = new Sql(query, Optional.empty(), "c.rep")
                .inPeriod("c.qualified_at")
                .and("c.response_at <= :asOf");
        return statistics(sql, "c.qualified_at", responseHours(response), response.statistic(), FUNNEL);
    }

    /** The hours a cycle waited for its first touch, as the clock store wrote them on its row (V15). */
    private static String responseHours(Formula.ResponseTime response) {
        return (response.business() ? "c.response_business_seconds" : "c.response_wall_seconds") + " / 3600.0";
    }

    /** Sum, mean, median or 90th percentile of an expression, by group. */
    private MetricResult statistics(Sql sql, String time, String expression, Formula.Statistic statistic, String from) {
        boolean sum = statistic == Formula.Statistic.SUM;
        String aggregate = aggregate(statistic, expression);
        String figures = " as key, " + (sum ? aggregate + "::float8" : "null::float8")
                + " as num, count(*)::float8 as den, (" + aggregate + ")::float8 as val, count(*) as n"
                + from + sql.where();
        List<Row> parts = sql.rows("select " + sql.key(time) + figures + " group by 1");
        long n = parts.stream().mapToLong(Row::count).sum();
        Optional<Double> total;
        if (sum) {
            total = Optional.of(
                    parts.stream().mapToDouble(r -> r.value().orElse(0.0)).sum());
        } else if (sql.query.by().isEmpty()) {
            total = parts.stream().findFirst().flatMap(Row::value);
        } else {
            // a median or a mean of the whole is not made of its parts': ask again without the breakdown
            total = sql.rows("select ''" + figures).stream().findFirst().flatMap(Row::value);
        }
        var figure = new MetricResult.Figure(total, sum ? total : Optional.empty(), Optional.of((double) n), n);
        return new MetricResult(
                figure,
                parts(
                        sql.query,
                        parts,
                        row -> new MetricResult.Figure(
                                row.value(),
                                sum ? row.value() : Optional.empty(),
                                Optional.of((double) row.count()),
                                row.count())));
    }

    /**
     * SLA compliance from the clock outcomes the clock store keeps on each cycle's row (V15): a sum over the funnel's
     * rows like the rates. By rep it joins the clocks themselves, since a reassigned lead's clocks belong to different
     * reps; and so it does when a clock of the data was decided after the instant asked about.
     */
    private MetricResult compliance(Formula.ClockCompliance compliance, MetricQuery query) {
        boolean byRep = query.by().filter(Dimension.Fixed.REP::equals).isPresent()
                || query.filters().containsKey(Dimension.Fixed.REP);
        if (byRep || decidedAfter(query.asOf())) {
            return clocks(compliance, query);
        }
        Optional<String> asked = Optional.ofNullable(query.filters().get(Dimension.Fixed.CLOCK));
        List<ClockKind> kinds = java.util.Arrays.stream(ClockKind.values())
                .filter(kind -> compliance.clock().map(kind.word()::equals).orElse(true))
                .filter(kind -> asked.map(kind.word()::equals).orElse(true))
                .toList();
        var filters = new java.util.HashMap<>(query.filters());
        filters.remove(Dimension.Fixed.CLOCK);
        boolean byClock = query.by().filter(Dimension.Fixed.CLOCK::equals).isPresent();
        var unclocked = query.slice(filters, byClock ? Optional.empty() : query.by());
        var sql = new Sql(unclocked, Optional.empty(), "c.rep")
                .inPeriod("c.qualified_at")
                .and("c.clocks_decided_at is not null");
        if (byClock) {
            var sums = new StringBuilder("select ''");
            for (ClockKind kind : kinds) {
                String column = "c." + kind.name().toLowerCase(java.util.Locale.ROOT);
                sums.append(", sum(")
                        .append(column)
                        .append("_met) as ")
                        .append(kind.name())
                        .append("_met")
                        .append(", sum(")
                        .append(column)
                        .append("_breached) as ")
                        .append(kind.name())
                        .append("_breached");
            }
            List<Row> rows = sql
                    .query(sums + FUNNEL + sql.where(), (row, i) -> {
                        var parts = new ArrayList<Row>();
                        for (ClockKind kind : kinds) {
                            long met = row.getLong(kind.name() + "_met");
                            long decided = met + row.getLong(kind.name() + "_breached");
                            if (decided > 0) {
                                parts.add(new Row(
                                        kind.word(),
                                        Optional.of((double) met),
                                        Optional.of((double) decided),
                                        Optional.empty(),
                                        decided));
                            }
                        }
                        return parts;
                    })
                    .stream()
                    .flatMap(List::stream)
                    .toList();
            return ratios(query, rows);
        }
        String met = sum(kinds, "_met");
        String decided = "(" + met + " + " + sum(kinds, "_breached") + ")";
        String select = "select " + sql.key("c.qualified_at") + " as key, sum(" + met + ")::float8 as num,"
                + " sum(" + decided + ")::float8 as den, null::float8 as val, sum(" + decided + ")::bigint as n"
                + FUNNEL + sql.where() + " and " + decided + " > 0 group by 1";
        return ratios(query, sql.rows(select));
    }

    /** The outcome columns of some kinds of clock, added up: {@code c.route_met + c.accept_met}; 0 for none. */
    private static String sum(List<ClockKind> kinds, String outcome) {
        return kinds.isEmpty()
                ? "0"
                : kinds.stream()
                        .map(kind -> "c." + kind.name().toLowerCase(java.util.Locale.ROOT) + outcome)
                        .collect(java.util.stream.Collectors.joining(" + "));
    }

    /** Whether some clock was decided after an instant, so that the outcomes on the funnel's rows count too much. */
    private boolean decidedAfter(java.time.Instant asOf) {
        // the latest decision, one step down the index; no parameter, so that no generic plan can scan the table
        return jdbc.sql("select max(clocks_decided_at) from funnel_cycle")
                .query(Timestamp.class)
                .optional()
                .filter(latest -> latest.toInstant().isAfter(asOf))
                .isPresent();
    }

    /** SLA compliance over the clocks themselves, each with its own rep. */
    private MetricResult clocks(Formula.ClockCompliance compliance, MetricQuery query) {
        String decidedAt = "case k.state when 'MET' then k.met_at else k.breached_at end";
        var sql = new Sql(query, Optional.empty(), "k.rep")
                .inPeriod("c.qualified_at")
                .and("k.state in ('MET', 'BREACHED')")
                .and(decidedAt + " <= :asOf");
        compliance.clock().ifPresent(kind -> {
            sql.params.put("kind", kind.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            sql.and("k.kind = :kind");
        });
        String select = "select " + sql.key("c.qualified_at") + " as key,"
                + " count(*) filter (where k.state = 'MET')::float8 as num, count(*)::float8 as den,"
                + " null::float8 as val, count(*) as n"
                + " from sla_clock k join funnel_cycle c on c.lead_id = k.lead_id and c.cycle = k.cycle"
                + SEGMENT_JOINS
                + sql.where() + " group by 1";
        return ratios(query, sql.rows(select));
    }

    private MetricResult withReason(Formula.WithReason reason, MetricQuery query) {
        String at = at(reason.moment());
        String code = "c." + reason.moment().word().replace('-', '_') + "_reason";
        var sql = new Sql(query, Optional.of(reason.moment()), "c.rep").inPeriod(at);
        String select = "select " + sql.key(at) + " as key, count(" + code + ")::float8 as num,"
                + " count(*)::float8 as den, null::float8 as val, count(*) as n" + FUNNEL + sql.where() + " group by 1";
        return ratios(query, sql.rows(select));
    }

    /** Marketing-sourced amounts by first-touch campaign, or influenced amounts split between the campaigns. */
    private MetricResult attributed(Formula.Attributed attributed, MetricQuery query) {
        String at = at(attributed.moment());
        if (attributed.credit() == Formula.Credit.SOURCED) {
            var sql = new Sql(query, Optional.empty(), "c.rep", "t.campaign")
                    .inPeriod(at)
                    .and("c.amount is not null")
                    .and(MARKETING_SOURCE);
            sql.params.put("sales", query.terms().salesSources().toArray(String[]::new));
            // the first touch only when the figure is by campaign
            String first = byCampaign(query)
                    ? " from funnel_cycle c left join lateral (select t.campaign from campaign_touch t"
                            + " where t.lead_id = c.lead_id order by t.first_at, t.campaign limit 1) t on true"
                            + SEGMENT_JOINS
                    : FUNNEL;
            return statistics(sql, at, "c.amount", Formula.Statistic.SUM, first);
        }
        String before = "t.lead_id = c.lead_id and t.first_at < coalesce(c.opportunity_at, c.won_at)";
        if (!byCampaign(query)) {
            var sql = new Sql(query, Optional.empty(), "c.rep")
                    .inPeriod(at)
                    .and("c.amount is not null")
                    .and("exists (select 1 from campaign_touch t where " + before + ")");
            return statistics(sql, at, "c.amount", Formula.Statistic.SUM, FUNNEL);
        }
        var sql = new Sql(query, Optional.empty(), "c.rep", "t.campaign")
                .inPeriod(at)
                .and("c.amount is not null");
        String split = " from funnel_cycle c join lateral (select t.campaign, count(*) over () as touches"
                + " from campaign_touch t where " + before + ") t on true" + SEGMENT_JOINS;
        return statistics(sql, at, "c.amount / t.touches", Formula.Statistic.SUM, split);
    }

    private static boolean byCampaign(MetricQuery query) {
        return query.by().filter(Dimension.Fixed.CAMPAIGN::equals).isPresent()
                || query.filters().containsKey(Dimension.Fixed.CAMPAIGN);
    }

    /**
     * Spend over counts: each month's spend for the share of its days in the period up to now, by source, campaign or
     * month, divided by the cycles of the same part.
     */
    private MetricResult costPer(Formula.CostPer cost, MetricQuery query) {
        var params = new java.util.HashMap<String, Object>();
        params.put("from", Timestamp.from(query.from()));
        params.put("to", Timestamp.from(query.to()));
        params.put("asOf", Timestamp.from(query.asOf()));
        params.put("zone", query.zone().getId());
        var where = new ArrayList<String>();
        // in the agreement's local time, so that a month's share is a share of its days, whatever the clocks do
        where.add("s.ends > s.lfrom and s.starts < s.lto and s.starts < s.lnow");
        for (var filter : query.filters().entrySet()) {
            String name = "f" + params.size();
            where.add(spendColumn(filter.getKey()) + " = :" + name);
            params.put(name, filter.getValue());
        }
        String key = query.by().map(by -> spendKey(by)).orElse("''");
        String covered = "greatest(0, extract(epoch from (least(s.ends, s.lto, s.lnow) - greatest(s.starts, s.lfrom))))"
                + " / extract(epoch from (s.ends - s.starts))";
        var statement = jdbc.sql("select " + key + " as key, sum(s.amount * " + covered + ")::float8 as spend"
                + " from (select *, month::timestamp as starts, (month + interval '1 month')::timestamp as ends,"
                + " cast(:from as timestamptz) at time zone :zone as lfrom,"
                + " cast(:to as timestamptz) at time zone :zone as lto,"
                + " cast(:asOf as timestamptz) at time zone :zone as lnow from marketing_spend) s"
                + " where " + String.join(" and ", where) + " group by 1");
        for (var param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        var spend = new TreeMap<String, Double>();
        statement.query(row -> {
            spend.put(row.getString("key"), row.getDouble("spend"));
        });
        MetricResult counts = count(new Formula.Count(cost.moment(), Optional.empty()), query);
        var merged = new TreeMap<String, Row>();
        List<MetricResult.Part> parts =
                query.by().isPresent() ? counts.parts() : List.of(new MetricResult.Part("", counts.total()));
        for (MetricResult.Part part : parts) {
            merged.put(
                    part.key(),
                    new Row(
                            part.key(),
                            Optional.of(spend.getOrDefault(part.key(), 0.0)),
                            Optional.of((double) part.figure().count()),
                            Optional.empty(),
                            part.figure().count()));
        }
        spend.forEach((part, amount) ->
                merged.putIfAbsent(part, new Row(part, Optional.of(amount), Optional.of(0.0), Optional.empty(), 0)));
        return ratios(query, List.copyOf(merged.values()));
    }

    /** The spend's column a filter tests: source and campaign, empty for spend not tied to one. */
    private static String spendColumn(Dimension dimension) {
        if (dimension == Dimension.Fixed.SOURCE) {
            return "coalesce(nullif(s.source, ''), '" + NONE + "')";
        }
        if (dimension == Dimension.Fixed.CAMPAIGN) {
            return "coalesce(nullif(s.campaign, ''), '" + NONE + "')";
        }
        throw new IllegalArgumentException("spend is by source and campaign, not by " + dimension.word());
    }

    private static String spendKey(Dimension dimension) {
        return dimension == Dimension.Fixed.MONTH ? "to_char(s.month, 'YYYY-MM')" : spendColumn(dimension);
    }

    private MetricResult fitShare(MetricQuery query) {
        var sql = new Sql(query, Optional.empty(), "c.rep")
                .inPeriod("c.qualified_at")
                .and("c.fit is not null");
        sql.params.put("minFit", query.terms().minFit());
        String select = "select " + sql.key("c.qualified_at") + " as key,"
                + " count(*) filter (where c.fit >= :minFit)::float8 as num, count(*)::float8 as den,"
                + " null::float8 as val, count(*) as n" + FUNNEL + sql.where() + " group by 1";
        return ratios(query, sql.rows(select));
    }

    private MetricResult sourcedShare(MetricQuery query) {
        var sql = new Sql(query, Optional.empty(), "c.rep")
                .inPeriod("c.opportunity_at")
                .and("c.amount is not null");
        sql.params.put("sales", query.terms().salesSources().toArray(String[]::new));
        String select = "select " + sql.key("c.opportunity_at") + " as key,"
                + " coalesce(sum(c.amount) filter (where " + MARKETING_SOURCE + "), 0)::float8 as num,"
                + " sum(c.amount)::float8 as den, null::float8 as val, count(*) as n" + FUNNEL + sql.where()
                + " group by 1";
        return ratios(query, sql.rows(select));
    }

    /** Rows of numerators and denominators: each part's share, and the whole's from the sums. */
    private MetricResult ratios(MetricQuery query, List<Row> rows) {
        double num = rows.stream().mapToDouble(r -> r.numerator().orElse(0.0)).sum();
        double den = rows.stream().mapToDouble(r -> r.denominator().orElse(0.0)).sum();
        long n = rows.stream().mapToLong(Row::count).sum();
        var total = new MetricResult.Figure(share(num, den), Optional.of(num), Optional.of(den), n);
        return new MetricResult(total, parts(query, rows, row -> {
            double rowNum = row.numerator().orElse(0.0);
            double rowDen = row.denominator().orElse(0.0);
            return new MetricResult.Figure(
                    share(rowNum, rowDen), Optional.of(rowNum), Optional.of(rowDen), row.count());
        }));
    }

    private static Optional<Double> share(double numerator, double denominator) {
        return denominator == 0 ? Optional.empty() : Optional.of(numerator / denominator);
    }

    private MetricResult result(
            MetricQuery query,
            List<Row> rows,
            java.util.function.Function<List<Row>, MetricResult.Figure> whole,
            java.util.function.Function<Row, MetricResult.Figure> part) {
        return new MetricResult(whole.apply(rows), parts(query, rows, part));
    }

    /** The parts of a breakdown, in key order; none without one. */
    private static List<MetricResult.Part> parts(
            MetricQuery query, List<Row> rows, java.util.function.Function<Row, MetricResult.Figure> part) {
        if (query.by().isEmpty()) {
            return List.of();
        }
        return rows.stream()
                .sorted(java.util.Comparator.comparing(Row::key))
                .map(r -> new MetricResult.Part(r.key(), part.apply(r)))
                .toList();
    }
}
