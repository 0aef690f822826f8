package dev.baton.adapter.persistence;

import dev.baton.core.metrics.Basis;
import dev.baton.core.metrics.Cohort;
import dev.baton.core.metrics.Dimension;
import dev.baton.core.metrics.Formula;
import dev.baton.core.metrics.MetricQuery;
import dev.baton.core.metrics.MetricResult;
import dev.baton.core.metrics.MetricsStore;
import dev.baton.core.metrics.Moment;
import dev.baton.core.metrics.Periods;
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
        if (formula instanceof Formula.WithReason reason) {
            return withReason(reason, query);
        }
        throw new IllegalArgumentException(formula + " is not computed by the store");
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
        private boolean segments;

        Sql(MetricQuery query, Optional<Moment> reasonOf, String repColumn) {
            this.query = query;
            this.reasonOf = reasonOf;
            this.repColumn = repColumn;
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
            where.add(column + " >= :from and " + column + " < :to and " + column + " <= :asOf");
            return this;
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
                case CAMPAIGN -> "coalesce(c.campaign, '" + NONE + "')";
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
            };
        }

        /** The query as it runs: without the segment joins when no segment is asked for. */
        String text(String select) {
            return segments ? select : select.replace(SEGMENT_JOINS, "");
        }

        /** Runs a query whose columns are key, numerator, denominator, value and count. */
        List<Row> rows(String select) {
            var statement = jdbc.sql(text(select));
            for (var param : params.entrySet()) {
                statement = statement.param(param.getKey(), param.getValue());
            }
            return statement.query((row, i) -> Row.of(row)).list();
        }
    }

    /** One group of a query: its key and its figures. */
    private record Row(
            String key, Optional<Double> numerator, Optional<Double> denominator, Optional<Double> value, long count) {
        static Row of(ResultSet row) throws SQLException {
            return new Row(
                    row.getString("key"), number(row, "num"), number(row, "den"), number(row, "val"), row.getLong("n"));
        }

        private static Optional<Double> number(ResultSet row, String column) throws SQLException {
            double value = row.getDouble(column);
            return row.wasNull() ? Optional.empty() : Optional.of(value);
        }
    }

    private MetricResult count(Formula.Count count, MetricQuery query) {
        String at = at(count.moment());
        var sql = new Sql(query, Optional.of(count.moment()), "c.rep").inPeriod(at);
        String select = "select " + sql.key(at) + " as key, count(*) as num, null::float8 as den,"
                + " count(*)::float8 as val, count(*) as n" + FUNNEL + sql.where() + " group by 1";
        double units = count.per().map(per -> units(query, per)).orElse(1.0);
        return result(
                query,
                sql.rows(select),
                rows -> {
                    long n = rows.stream().mapToLong(Row::count).sum();
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
                .and("r.first_touch_at <= :asOf");
        String hours = (response.business() ? "r.business_seconds" : "r.wall_seconds") + " / 3600.0";
        return statistics(
                sql,
                "c.qualified_at",
                hours,
                response.statistic(),
                " from lead_response r join funnel_cycle c on c.lead_id = r.lead_id and c.cycle = r.cycle"
                        + SEGMENT_JOINS);
    }

    /** Sum, mean, median or 90th percentile of an expression, by group. */
    private MetricResult statistics(Sql sql, String time, String expression, Formula.Statistic statistic, String from) {
        boolean sum = statistic == Formula.Statistic.SUM;
        String aggregate = switch (statistic) {
            case SUM -> "sum(" + expression + ")";
            case MEAN -> "avg(" + expression + ")";
            case MEDIAN -> "percentile_cont(0.5) within group (order by " + expression + ")";
            case P90 -> "percentile_cont(0.9) within group (order by " + expression + ")";
        };
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

    private MetricResult compliance(Formula.ClockCompliance compliance, MetricQuery query) {
        var sql = new Sql(query, Optional.empty(), "k.rep")
                .inPeriod("c.qualified_at")
                .and("k.state in ('MET', 'BREACHED')")
                .and("coalesce(k.met_at, k.breached_at) <= :asOf");
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

    private MetricResult sourcedShare(MetricQuery query) {
        var sql = new Sql(query, Optional.empty(), "c.rep")
                .inPeriod("c.opportunity_at")
                .and("c.amount is not null");
        sql.params.put("sales", query.salesSources().toArray(String[]::new));
        String select = "select " + sql.key("c.opportunity_at") + " as key,"
                + " coalesce(sum(c.amount) filter (where c.source is not null"
                + " and not (c.source = any(cast(:sales as text[])))), 0)::float8 as num,"
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
