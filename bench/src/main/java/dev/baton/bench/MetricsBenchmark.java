package dev.baton.bench;

import static dev.baton.bench.Report.format;

import dev.baton.core.metrics.Formula;
import dev.baton.core.metrics.Metric;
import dev.baton.core.metrics.Moment;
import dev.baton.testing.BatonProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The metrics at scale: Baton in its own JVM ({@code -Xmx512m}) on a fresh embedded PostgreSQL with
 * {@code metrics.leads} leads (1,000,000), {@code metrics.events} engagement events (20,000,000) and a lifecycle
 * history of 18 months written as the funnel keeps it — one handoff cycle per lead, about a quarter of them qualified
 * again, with acceptances, rejections with reasons, SQLs, opportunities with amounts, wins and losses, first touches,
 * response times and service-level clocks. It times the full scorecard and every metric through the API, cold (the
 * first request after Baton and its PostgreSQL restart) and warm (the median of five), and beside each metric a
 * hand-written SQL query for the same figure, run in the same database in the same run: the baseline of the ratio.
 * bench/README.md says how to run it.
 */
public final class MetricsBenchmark {

    private static final Path AGREEMENT = Path.of("examples/agreements/saas-north-america-europe.yaml");
    private static final String FROM = "2026-01-01";
    private static final String TO = "2026-06-30";
    private static final String PERIOD = "from=" + FROM + "&to=" + TO;
    private static final String START = "timestamptz '2026-01-01 00:00 America/New_York'";
    private static final String END = "timestamptz '2026-07-01 00:00 America/New_York'";
    private static final int WARM_RUNS = 5;

    private final Report report = new Report();
    private final long leads = Long.getLong("metrics.leads", 1_000_000);
    private final long events = Long.getLong("metrics.events", 20_000_000);

    public static void main(String[] args) throws Exception {
        new MetricsBenchmark().run();
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("baton-metrics");
        List<String> options =
                List.of("-Xmx512m", "-Dbaton.rescoring.worker=false", "-Dbaton.escalations.worker=false");
        try {
            try (BatonProcess baton = BatonProcess.start(dir, options);
                    Connection db = baton.database()) {
                int version = baton.activateAgreement(Files.readString(AGREEMENT));
                load(db, version);
            }
            try (BatonProcess baton = BatonProcess.start(dir, options);
                    Connection db = baton.database()) {
                measure(baton, db);
            }
            System.out.println();
            System.out.println(report.markdown());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private void load(Connection db, int version) throws SQLException {
        FunnelHistory.write(db, version, leads, events, "metrics");
    }

    private void measure(BatonProcess baton, Connection db) throws Exception {
        // cold: the first request after Baton and its PostgreSQL started again (the OS page cache stays warm)
        double cold = time(() -> call(baton, "/api/v1/scorecard?" + PERIOD));
        var warm = new ArrayList<Double>();
        for (int i = 0; i < WARM_RUNS; i++) {
            warm.add(time(() -> call(baton, "/api/v1/scorecard?" + PERIOD)));
        }
        double scorecard = median(warm);
        report.info("full scorecard, cold", ms(cold), "first request after a restart");
        report.atMost("full scorecard, warm", ms(scorecard), scorecard, 1000, "≤ 1 s");
        var rows = new ArrayList<String>();
        double worst = 0;
        for (Metric metric : Metric.values()) {
            String path = "/api/v1/metrics/" + metric.id() + "?" + PERIOD;
            double first = time(() -> call(baton, path));
            var api = new ArrayList<Double>();
            var sql = new ArrayList<Double>();
            String baseline = baseline(metric.formula());
            for (int i = 0; i < WARM_RUNS; i++) {
                api.add(time(() -> call(baton, path)));
                sql.add(time(() -> query(db, baseline)));
            }
            double ratio = median(api) / median(sql);
            worst = Math.max(worst, ratio);
            rows.add("| `%s` | %s | %s | %s | %s |"
                    .formatted(metric.id(), ms(first), ms(median(api)), ms(median(sql)), format(ratio, 2) + "×"));
        }
        report.atMost("worst metric vs its hand-written query", format(worst, 2) + "×", worst, 2, "≤ 2×");
        engagement(baton, db);
        System.out.println("| metric | API, first | API, warm (median) | hand-written SQL (median) | ratio |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /**
     * The figure over events: pipeline by source and event type, from the engagement kept per lead and type, beside
     * the same figure written by hand over the raw events; and how soon an event just ingested shows in it.
     */
    private void engagement(BatonProcess baton, Connection db) throws Exception {
        String path = "/api/v1/engagement?" + PERIOD;
        String raw = "select c.source, t.type, count(*), sum(c.amount) from funnel_cycle c join lateral"
                + " (select distinct e.type from engagement_event e where e.lead_id = c.lead_id"
                + " and e.occurred_at < c.opportunity_at) t on true where c.opportunity_at >= " + START
                + " and c.opportunity_at < " + END + " and c.amount is not null group by 1, 2";
        double first = time(() -> call(baton, path));
        var api = new ArrayList<Double>();
        for (int i = 0; i < WARM_RUNS; i++) {
            api.add(time(() -> call(baton, path)));
        }
        double byHand = time(() -> query(db, raw));
        report.info("pipeline by source × event type, first", ms(first), "from lead_engagement");
        report.atMost("pipeline by source × event type, warm", ms(median(api)), median(api), 500, "≤ 500 ms");
        report.info("the same over the raw events, by hand", ms(byHand), "baseline");
        // an event ingested now for a lead with an opportunity in the period, from before that opportunity
        long lead;
        String before;
        try (Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery("select lead_id, opportunity_at - interval '1 day'"
                        + " from funnel_cycle where opportunity_at >= " + START + " and opportunity_at < " + END
                        + " and amount is not null order by lead_id limit 1")) {
            row.next();
            lead = row.getLong(1);
            before = row.getTimestamp(2).toInstant().toString();
        }
        long sent = System.nanoTime();
        baton.postJson(
                "/api/v1/events",
                "{\"events\":[{\"eventId\":\"probe-" + lead + "\",\"leadId\":" + lead
                        + ",\"type\":\"bench_probe\",\"occurredAt\":\"" + before + "\"}]}");
        double answered = (System.nanoTime() - sent) / 1e6;
        int reads = 0;
        boolean seen = false;
        while (!seen && reads < 100) {
            reads++;
            seen = baton.getJson(path)
                    .path("lines")
                    .valueStream()
                    .anyMatch(line -> line.path("type").asString("").equals("bench_probe"));
        }
        double lag = (System.nanoTime() - sent) / 1e6 - answered;
        report.atMost(
                "an ingested event in the figure, after the ingest answered",
                seen ? ms(lag) + " (read " + reads + ")" : "not seen",
                seen ? lag : Double.MAX_VALUE,
                5000,
                "≤ 5 s");
    }

    /** The same figure as the metric's, written by hand in plain SQL over the same rows. */
    static String baseline(Formula formula) {
        if (formula instanceof Formula.Count count) {
            return "select count(*) from funnel_cycle where " + at(count.moment()) + " >= " + START + " and "
                    + at(count.moment()) + " < " + END;
        }
        if (formula instanceof Formula.Conversion conversion) {
            return "select count(" + at(conversion.to()) + "), count(*) from funnel_cycle where "
                    + at(conversion.from()) + " >= " + START + " and " + at(conversion.from()) + " < " + END;
        }
        if (formula instanceof Formula.ReachedWithin within) {
            return "select count(*) filter (where first_touch_at <= qualified_at + interval '"
                    + within.within().toHours()
                    + " hours'), count(*) from funnel_cycle where qualified_at >= " + START + " and qualified_at < "
                    + END;
        }
        if (formula instanceof Formula.Elapsed elapsed) {
            String aggregate = elapsed.statistic() == Formula.Statistic.MEAN
                    ? "avg(x)"
                    : "percentile_cont(0.5) within group (order by x)";
            return "select " + aggregate + " from (select extract(epoch from " + at(elapsed.to()) + " - "
                    + at(elapsed.from()) + ") as x from funnel_cycle where " + at(elapsed.to()) + " >= " + START
                    + " and " + at(elapsed.to()) + " < " + END + " and " + at(elapsed.from()) + " is not null) t";
        }
        if (formula instanceof Formula.WithReason reason) {
            String column = reason.moment().word().replace('-', '_');
            return "select count(" + column + "_reason), count(*) from funnel_cycle where " + column + "_at >= " + START
                    + " and " + column + "_at < " + END;
        }
        if (formula instanceof Formula.Amount amount) {
            return "select " + (amount.statistic() == Formula.Statistic.SUM ? "sum" : "avg")
                    + "(amount) from funnel_cycle where " + at(amount.moment()) + " >= " + START + " and "
                    + at(amount.moment()) + " < " + END;
        }
        if (formula instanceof Formula.ResponseTime response) {
            String column = response.business() ? "r.business_seconds" : "r.wall_seconds";
            String aggregate = switch (response.statistic()) {
                case MEAN -> "avg(" + column + ")";
                case MEDIAN -> "percentile_cont(0.5) within group (order by " + column + ")";
                default -> "percentile_cont(0.9) within group (order by " + column + ")";
            };
            return "select " + aggregate + " from lead_response r join funnel_cycle c on c.lead_id = r.lead_id"
                    + " and c.cycle = r.cycle where c.qualified_at >= " + START + " and c.qualified_at < " + END;
        }
        if (formula instanceof Formula.ClockCompliance compliance) {
            return "select count(*) filter (where k.state = 'MET'), count(*) from sla_clock k join funnel_cycle c"
                    + " on c.lead_id = k.lead_id and c.cycle = k.cycle where c.qualified_at >= " + START
                    + " and c.qualified_at < " + END + " and k.state in ('MET', 'BREACHED')"
                    + compliance
                            .clock()
                            .map(kind -> " and k.kind = '"
                                    + kind.toUpperCase(Locale.ROOT).replace('-', '_') + "'")
                            .orElse("");
        }
        if (formula instanceof Formula.FitShare) {
            return "select count(*) filter (where fit >= 30), count(fit) from funnel_cycle where qualified_at >= "
                    + START + " and qualified_at < " + END;
        }
        if (formula instanceof Formula.Attributed attributed) {
            String at = at(attributed.moment());
            return "select sum(amount) from funnel_cycle c where " + at + " >= " + START + " and " + at + " < " + END
                    + (attributed.credit() == Formula.Credit.SOURCED
                            ? " and source is not null"
                            : " and exists (select 1 from campaign_touch t where t.lead_id = c.lead_id"
                                    + " and t.first_at < coalesce(c.opportunity_at, c.won_at))");
        }
        if (formula instanceof Formula.CostPer cost) {
            String at = at(cost.moment());
            return "select (select sum(amount) from marketing_spend where month >= date '2026-01-01'"
                    + " and month < date '2026-07-01'), count(*) from funnel_cycle where " + at + " >= " + START
                    + " and " + at + " < " + END;
        }
        // sourced share and coverage: the pipeline of the period, and its part from sources that are not sales'
        return "select sum(amount) filter (where source is not null), sum(amount) from funnel_cycle"
                + " where opportunity_at >= " + START + " and opportunity_at < " + END;
    }

    private static String at(Moment moment) {
        return moment.word().replace('-', '_') + "_at";
    }

    private static void call(BatonProcess baton, String path) throws Exception {
        HttpResponse<String> response = baton.send(baton.request(path).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static void query(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                rows.getObject(1);
            }
        }
    }

    private interface Timed {
        void run() throws Exception;
    }

    private static double time(Timed work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static String ms(double millis) {
        return format(millis, 1) + " ms";
    }

    private static void log(String format, Object... args) {
        System.out.printf("[metrics] " + format + "%n", args);
    }
}
