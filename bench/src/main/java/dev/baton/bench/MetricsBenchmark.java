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
import java.time.Duration;
import java.time.Instant;
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
        long started = System.nanoTime();
        var bulk = new BulkLoad(db);
        var data = new SyntheticData(42, Instant.parse("2026-07-15T00:00:00Z"));
        log("%,d leads, %,d events", leads, events);
        BulkLoad.Ids ids = bulk.companiesAndLeads(data, leads, Math.max(1, leads / 10), "metrics");
        if (events > 0) {
            bulk.randomEvents(
                    data, ids, events, Duration.ofDays(540), "metrics", Instant.parse("2026-07-15T00:00:00Z"));
        }
        log("leads and events loaded in %.0f s; writing the funnel", (System.nanoTime() - started) / 1e9);
        String range = "id between " + ids.first() + " and " + (ids.first() + ids.count() - 1);
        try (Statement sql = db.createStatement()) {
            sql.execute("""
                    create temporary table draw as
                    select id as lead_id, g.n as cycle,
                           timestamptz '2025-01-01 00:00 UTC' + random() * interval '540 days' as q,
                           random() as accept, random() as reject, random() as toSql, random() as toOpp,
                           random() as toWon, random() as touch, random() as pace
                      from lead cross join generate_series(1, 2) as g(n)
                     where %s and (g.n = 1 or id * 7919 %% 4 = 0)
                    """.formatted(range));
            try (ResultSet drawn = sql.executeQuery("select count(*), count(*) filter (where cycle = 2) from draw")) {
                drawn.next();
                log("drawn: %,d cycles, %,d of them second cycles", drawn.getLong(1), drawn.getLong(2));
            }
            // in the order the cycles open, as the live path appends them
            sql.execute("""
                    insert into funnel_cycle (lead_id, cycle, qualified_at, agreement_version, priority, score, fit,
                                              source,
                                              campaign, rep, team, accepted_at, rejected_at, rejected_reason, sql_at,
                                              opportunity_at, amount, currency, won_at, lost_at, lost_reason,
                                              first_touch_at)
                    select lead_id, cycle, q, %d, pace < 0.2, 60 + (pace * 40)::int, 10 + (touch * 40)::int,
                           (array['organic_search','paid_search','social','email','webinar','referral','direct',
                                  'events','partner','outbound'])[1 + (lead_id %% 10)],
                           'campaign-' || (lead_id %% 40),
                           (array['alex.kim@northwind.example','priya.shah@northwind.example',
                                  'tom.berg@northwind.example','sofia.rossi@northwind.example'])[1 + (lead_id %% 4)],
                           case when lead_id %% 4 = 3 then 'europe' else 'na-mid-market' end,
                           case when accept < 0.7 then q + interval '1 hour' * (1 + pace * 30) end,
                           case when accept >= 0.7 and reject < 0.6 then q + interval '1 hour' * (2 + pace * 20) end,
                           case when accept >= 0.7 and reject < 0.6
                                then (array['NOT_ICP','BAD_TIMING','NO_BUDGET','COMPETITOR'])[1 + (lead_id %% 4)] end,
                           case when accept < 0.7 and toSql < 0.4 then q + interval '1 day' * (2 + pace * 20) end,
                           case when accept < 0.7 and toSql < 0.4 and toOpp < 0.6
                                then q + interval '1 day' * (10 + pace * 30) end,
                           case when accept < 0.7 and toSql < 0.4 and toOpp < 0.6
                                then round((5000 + pace * 95000)::numeric, 2) end,
                           case when accept < 0.7 and toSql < 0.4 and toOpp < 0.6 then 'USD' end,
                           case when accept < 0.7 and toSql < 0.4 and toOpp < 0.6 and toWon < 0.3
                                then q + interval '1 day' * (40 + pace * 90) end,
                           case when accept < 0.7 and toSql < 0.4 and toOpp < 0.6 and toWon >= 0.3 and toWon < 0.8
                                then q + interval '1 day' * (40 + pace * 90) end,
                           case when accept < 0.7 and toSql < 0.4 and toOpp < 0.6 and toWon >= 0.3 and toWon < 0.8
                                then 'price' end,
                           case when touch < 0.85 then q + interval '1 minute' * (5 + touch * 3000) end
                      from draw
                     order by q
                    """.formatted(version));
            sql.execute("""
                    insert into lead_response (lead_id, cycle, qualified_at, first_touch_at, rep, wall_seconds,
                                               business_seconds)
                    select lead_id, cycle, qualified_at, first_touch_at, rep,
                           extract(epoch from first_touch_at - qualified_at)::bigint,
                           (extract(epoch from first_touch_at - qualified_at) * 0.3)::bigint
                      from funnel_cycle where first_touch_at is not null and lead_id in (select lead_id from draw)
                    """);
            sql.execute("""
                    insert into sla_clock (lead_id, seq, cycle, kind, rep, span, started_at, deadline, state, met_at,
                                           breached_at)
                    select c.lead_id, c.cycle * 10 + k.seq, c.cycle, k.kind, c.rep, k.span, c.qualified_at,
                           c.qualified_at + k.within,
                           case when k.kind = 'FIRST_TOUCH' and c.first_touch_at is null then 'BREACHED'
                                when k.kind = 'FIRST_TOUCH' and c.first_touch_at > c.qualified_at + k.within
                                     then 'BREACHED'
                                when k.kind in ('ACCEPT', 'ATTEMPTS', 'DISPOSITION') and d.pace > 0.8 then 'BREACHED'
                                else 'MET' end,
                           case when k.kind = 'FIRST_TOUCH' then c.first_touch_at
                                when k.kind = 'ACCEPT' then coalesce(c.accepted_at, c.rejected_at)
                                else c.qualified_at end,
                           case when k.kind = 'FIRST_TOUCH' and (c.first_touch_at is null
                                     or c.first_touch_at > c.qualified_at + k.within)
                                     or k.kind in ('ACCEPT', 'ATTEMPTS', 'DISPOSITION') and d.pace > 0.8
                                then c.qualified_at + k.within end
                      from funnel_cycle c join draw d on d.lead_id = c.lead_id and d.cycle = c.cycle,
                           (values (0, 'ROUTE', '2 business hours', interval '2 hours'),
                                   (1, 'ACCEPT', '4 business hours', interval '4 hours'),
                                   (2, 'FIRST_TOUCH', '24h', interval '24 hours'),
                                   (3, 'ATTEMPTS', '10 business days', interval '14 days'),
                                   (4, 'DISPOSITION', '48h', interval '48 hours')) as k(seq, kind, span, within)
                    """);
            // the outcomes the clock store keeps on the funnel's rows as it decides each clock
            // the summaries the ingest path keeps for attribution and the figures over events, from the bulk-loaded
            // events, then campaign touches: each lead's campaign three days before it qualified, and for a third of
            // them a second campaign twenty days after
            // memory enough to group 20,000,000 events in it rather than on disk
            sql.execute("set work_mem = '256MB'");
            sql.execute("select engagement_rebuild()");
            sql.execute("""
                    insert into campaign_touch (lead_id, campaign, first_at)
                    select lead_id, campaign, min(qualified_at) - interval '3 days' from funnel_cycle
                     group by lead_id, campaign
                    union all
                    select lead_id, 'campaign-' || (40 + lead_id % 20), min(qualified_at) + interval '20 days'
                      from funnel_cycle where lead_id % 3 = 0 group by lead_id
                    on conflict do nothing
                    """);
            sql.execute("""
                    insert into marketing_spend (month, source, campaign, amount, currency, imported_at)
                    select m::date, s, '', 20000 + (abs(hashtext(s || m::text)) % 30000), 'USD', now()
                      from generate_series(date '2025-01-01', date '2026-06-01', interval '1 month') m,
                           unnest(array['organic_search','paid_search','social','email','webinar','referral',
                                        'direct','events','partner','outbound']) s
                    """);
            sql.execute("select funnel_clock_outcomes(null)");
            sql.execute("select funnel_responses()");
            // as autovacuum would after the updates, before anything is measured
            sql.execute("vacuum analyze funnel_cycle");
            sql.execute("analyze lead_response");
            sql.execute("analyze sla_clock");
        }
        log(
                "funnel written: %,d cycles of %,d leads in %.0f s",
                new BulkLoad(db).single("select count(*) from funnel_cycle"),
                new BulkLoad(db).single("select count(distinct lead_id) from funnel_cycle"),
                (System.nanoTime() - started) / 1e9);
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
