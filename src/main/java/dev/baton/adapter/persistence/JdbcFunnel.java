package dev.baton.adapter.persistence;

import dev.baton.core.engine.LeadStore;
import dev.baton.core.funnel.FunnelUpdate;
import dev.baton.core.metrics.Moment;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps {@code funnel_cycle} from the lead events the store writes, in the same transaction: a qualification opens a
 * cycle, every other funnel moment is recorded the first time it happens in the lead's latest cycle; a campaign set on
 * the lead is a campaign touch ({@code campaign_touch}, V16). The function {@code funnel_rebuild()} (V13, V15) builds
 * the same rows from the whole history.
 */
final class JdbcFunnel {

    /** The column of each moment; a moment with a reason has a {@code _reason} column beside it. */
    private static final Map<Moment, String> COLUMNS = new EnumMap<>(Moment.class);

    static {
        for (Moment moment : Moment.values()) {
            COLUMNS.put(moment, moment.word().replace('-', '_'));
        }
    }

    private static final java.util.Set<Moment> WITH_REASON =
            java.util.EnumSet.of(Moment.REJECTED, Moment.LOST, Moment.DISQUALIFIED, Moment.NURTURED, Moment.RECYCLED);

    private final JdbcClient jdbc;

    JdbcFunnel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * As {@link #apply} for each entry, with the campaign touches of all of them in one statement (an import of leads
     * names a campaign on most of its rows).
     */
    void applyAll(java.util.List<LeadStore.LeadEntry> entries) {
        var touches = new java.util.TreeMap<String, Object[]>();
        for (LeadStore.LeadEntry entry : entries) {
            boolean other = false;
            for (FunnelUpdate update : FunnelUpdate.of(entry.entry().event())) {
                if (update instanceof FunnelUpdate.CampaignTouched touched) {
                    touches.merge(
                            String.format("%019d", entry.leadId()) + "\u0000" + touched.campaign(),
                            new Object[] {entry.leadId(), touched.campaign(), touched.at()},
                            (a, b) -> ((java.time.Instant) a[2]).isBefore((java.time.Instant) b[2]) ? a : b);
                } else {
                    other = true;
                }
            }
            if (other) {
                apply(entry, false);
            }
        }
        if (!touches.isEmpty()) {
            jdbc.sql("""
                            insert into campaign_touch (lead_id, campaign, first_at)
                            select lead, campaign, at::timestamptz
                              from unnest(:leads::bigint[], :campaigns::text[], :ats::text[]) as u(lead, campaign, at)
                            on conflict (lead_id, campaign)
                            do update set first_at = least(campaign_touch.first_at, excluded.first_at)
                            """)
                    .param(
                            "leads",
                            touches.values().stream().map(t -> (Long) t[0]).toArray(Long[]::new))
                    .param(
                            "campaigns",
                            touches.values().stream().map(t -> (String) t[1]).toArray(String[]::new))
                    .param(
                            "ats",
                            touches.values().stream().map(t -> t[2].toString()).toArray(String[]::new))
                    .update();
        }
    }

    void apply(LeadStore.LeadEntry entry) {
        apply(entry, true);
    }

    private void apply(LeadStore.LeadEntry entry, boolean withTouches) {
        for (FunnelUpdate update : FunnelUpdate.of(entry.entry().event())) {
            long lead = entry.leadId();
            if (update instanceof FunnelUpdate.Opened opened) {
                open(lead, opened);
            } else if (update instanceof FunnelUpdate.Owned owned) {
                jdbc.sql("""
                                update funnel_cycle set rep = :rep, team = :team
                                 where lead_id = :lead
                                   and cycle = (select max(cycle) from funnel_cycle where lead_id = :lead)
                                """)
                        .param("rep", owned.rep().orElse(null))
                        .param("team", owned.team().orElse(null))
                        .param("lead", lead)
                        .update();
            } else if (update instanceof FunnelUpdate.Reached reached && reached.moment() == Moment.FIRST_TOUCH) {
                jdbc.sql("""
                                update funnel_cycle set first_touch_at = :at
                                 where lead_id = :lead
                                   and cycle = (select max(cycle) from funnel_cycle where lead_id = :lead)
                                   and qualified_at <= :at and (first_touch_at is null or first_touch_at > :at)
                                """)
                        .param("at", Timestamp.from(reached.at()))
                        .param("lead", lead)
                        .update();
            } else if (update instanceof FunnelUpdate.Reached reached) {
                reach(lead, reached);
            } else if (update instanceof FunnelUpdate.CampaignTouched touched && withTouches) {
                jdbc.sql("""
                                insert into campaign_touch (lead_id, campaign, first_at) values (:lead, :campaign, :at)
                                on conflict (lead_id, campaign)
                                do update set first_at = least(campaign_touch.first_at, excluded.first_at)
                                """)
                        .param("lead", lead)
                        .param("campaign", touched.campaign())
                        .param("at", Timestamp.from(touched.at()))
                        .update();
            }
        }
    }

    private void open(long lead, FunnelUpdate.Opened opened) {
        jdbc.sql("""
                        insert into funnel_cycle (lead_id, cycle, qualified_at, agreement_version, priority, score, fit,
                                                  source, campaign)
                        select l.id,
                               coalesce(cast(:cycle as integer),
                                        (select coalesce(max(cycle), 0) + 1 from funnel_cycle where lead_id = l.id)),
                               :at, :version, :priority, :score, :fit, l.profile->>'lead.source', l.profile->>'lead.campaign'
                          from lead l where l.id = :lead
                        on conflict (lead_id, cycle) do nothing
                        """)
                .param("cycle", opened.cycle().orElse(null))
                .param("at", Timestamp.from(opened.at()))
                .param("version", opened.agreementVersion().orElse(null))
                .param("priority", opened.priority())
                .param("score", opened.score().orElse(null))
                .param("fit", opened.fit().orElse(null))
                .param("lead", lead)
                .update();
        jdbc.sql("""
                        update funnel_cycle p set requalified_at = n.qualified_at
                          from funnel_cycle n
                         where n.lead_id = :lead and p.lead_id = :lead and p.cycle = n.cycle - 1 and p.cycle > 0
                           and n.cycle = (select max(cycle) from funnel_cycle where lead_id = :lead)
                           and p.requalified_at is null
                        """).param("lead", lead).update();
        // the clocks of the cycle may have been written before it in this transaction (routing at the qualification)
        jdbc.sql("select funnel_clock_outcomes(:lead)")
                .param("lead", lead)
                .query()
                .listOfRows();
    }

    /** The moment on the lead's latest cycle (a cycle 0 for a lead that never qualified), unless it is there already. */
    private void reach(long lead, FunnelUpdate.Reached reached) {
        String column = COLUMNS.get(reached.moment());
        String reason = WITH_REASON.contains(reached.moment()) ? ", " + column + "_reason" : "";
        String reasonValue = WITH_REASON.contains(reached.moment()) ? ", :reason" : "";
        String reasonUpdate = WITH_REASON.contains(reached.moment())
                ? ", " + column + "_reason = case when funnel_cycle." + column + "_at is null then excluded." + column
                        + "_reason else funnel_cycle." + column + "_reason end"
                : "";
        boolean opportunity = reached.moment() == Moment.OPPORTUNITY;
        String money = opportunity ? ", amount, currency" : "";
        String moneyValue = opportunity ? ", :amount, :currency" : "";
        String moneyUpdate = opportunity
                ? ", amount = case when funnel_cycle.opportunity_at is null then excluded.amount"
                        + " else funnel_cycle.amount end,"
                        + " currency = case when funnel_cycle.opportunity_at is null then excluded.currency"
                        + " else funnel_cycle.currency end"
                : "";
        // the column names come from the Moment enum, never from input
        jdbc.sql("insert into funnel_cycle (lead_id, cycle, source, campaign, " + column + "_at" + reason + money + ")"
                        + " select l.id, (select coalesce(max(cycle), 0) from funnel_cycle where lead_id = l.id),"
                        + " l.profile->>'lead.source', l.profile->>'lead.campaign', :at" + reasonValue + moneyValue
                        + " from lead l where l.id = :lead"
                        + " on conflict (lead_id, cycle) do update set " + column + "_at = coalesce(funnel_cycle."
                        + column + "_at, excluded." + column + "_at)" + reasonUpdate + moneyUpdate)
                .param("at", Timestamp.from(reached.at()))
                .param(
                        "reason",
                        reached.moment() == Moment.LOST
                                ? reached.reasonCode().or(reached::reason).orElse(null)
                                : reached.reasonCode().orElse(null))
                .param("amount", reached.amount().orElse(null))
                .param("currency", reached.currency().orElse(null))
                .param("lead", lead)
                .update();
    }
}
