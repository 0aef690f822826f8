package dev.baton.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * A large funnel history written straight into the database as the funnel keeps it: one handoff cycle per lead, about
 * a quarter of them qualified again, with acceptances, rejections with reasons, SQLs, opportunities with amounts,
 * wins and losses, first touches, response times, service-level clocks, campaign touches and spend, from 2025-01-01
 * over 540 days.
 */
final class FunnelHistory {

    private FunnelHistory() {}

    /**
     * Writes {@code leads} leads at a tenth as many companies, {@code events} engagement events about random ones of
     * them over 540 days, and their funnel over 18 months, tagging every id with {@code tag}.
     */
    static void write(Connection db, int version, long leads, long events, String tag) throws SQLException {
        long started = System.nanoTime();
        var bulk = new BulkLoad(db);
        var data = new SyntheticData(42, Instant.parse("2026-07-15T00:00:00Z"));
        log("%,d leads, %,d events", leads, events);
        BulkLoad.Ids ids = bulk.companiesAndLeads(data, leads, Math.max(1, leads / 10), tag);
        if (events > 0) {
            bulk.randomEvents(data, ids, events, Duration.ofDays(540), tag, Instant.parse("2026-07-15T00:00:00Z"));
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

    private static void log(String format, Object... args) {
        System.out.printf("[history] " + format + "%n", args);
    }
}
