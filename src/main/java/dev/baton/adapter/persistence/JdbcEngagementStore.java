package dev.baton.adapter.persistence;

import dev.baton.core.engine.EngagementStore;
import dev.baton.core.lead.EngagementEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Engagement events in PostgreSQL, unique by the caller's event id. */
public final class JdbcEngagementStore implements EngagementStore {

    /**
     * What the events just added (the statement's {@code added}) change in the summaries attribution and the figures
     * over events read (V16): the first touch of each campaign they name, and each lead's engagement by event type.
     * Rows are written in key order, so that two batches touching the same leads take their locks in one order.
     */
    private static final String SUMMARIES = """
            , touched as (
                insert into campaign_touch (lead_id, campaign, first_at)
                select lead_id, campaign, min(occurred_at) from (
                    select lead_id, coalesce(properties->>'campaign', properties->>'utm_campaign') as campaign,
                           occurred_at
                      from added where lead_id is not null) t
                 where campaign is not null and campaign <> ''
                 group by lead_id, campaign order by lead_id, campaign
                on conflict (lead_id, campaign) do update set first_at = least(campaign_touch.first_at, excluded.first_at)
            ), engaged as (
                insert into lead_engagement (lead_id, type, events, first_at, last_at)
                select lead_id, type, count(*), min(occurred_at), max(occurred_at)
                  from added where lead_id is not null
                 group by lead_id, type order by lead_id, type
                on conflict (lead_id, type) do update
                   set events = lead_engagement.events + excluded.events,
                       first_at = least(lead_engagement.first_at, excluded.first_at),
                       last_at = greatest(lead_engagement.last_at, excluded.last_at)
            )
            """;

    private final JdbcClient jdbc;
    private final Json json;

    public JdbcEngagementStore(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.json = new Json(mapper);
    }

    @Override
    public Set<String> addAll(List<Placed> events, Instant receivedAt) {
        if (events.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        with added as (
                            insert into engagement_event
                                   (event_id, lead_id, visitor_id, type, occurred_at, received_at, properties)
                            select id, lead, visitor, type, occurred::timestamptz, :received, properties::jsonb
                              from unnest(:ids::text[], :leads::bigint[], :visitors::text[], :types::text[],
                                          :occurred::text[], :properties::text[])
                                   as u(id, lead, visitor, type, occurred, properties)
                            on conflict (event_id) do nothing
                            returning event_id, lead_id, type, occurred_at, properties
                        )""" + SUMMARIES + """
                        select event_id from added
                        """)
                .param("ids", events.stream().map(e -> e.event().eventId()).toArray(String[]::new))
                .param(
                        "leads",
                        events.stream().map(e -> e.leadId().orElse(null)).toArray(Long[]::new))
                .param(
                        "visitors",
                        events.stream()
                                .map(e -> e.event().visitorId().orElse(null))
                                .toArray(String[]::new))
                .param("types", events.stream().map(e -> e.event().type()).toArray(String[]::new))
                .param(
                        "occurred",
                        events.stream()
                                .map(e -> e.event().occurredAt().toString())
                                .toArray(String[]::new))
                .param(
                        "properties",
                        events.stream()
                                .map(e -> json.text(e.event().properties()))
                                .toArray(String[]::new))
                .param("received", Timestamp.from(receivedAt))
                .query(String.class)
                .list());
    }

    @Override
    public Map<String, Long> leadsOfVisitors(Collection<String> visitorIds) {
        var leads = new HashMap<String, Long>();
        jdbc.sql("""
                        select distinct on (visitor_id) visitor_id, lead_id from engagement_event
                         where visitor_id = any(:visitors) and lead_id is not null
                         order by visitor_id, received_at desc
                        """).param("visitors", visitorIds.toArray(String[]::new)).query(row -> {
            leads.put(row.getString("visitor_id"), row.getLong("lead_id"));
        });
        return leads;
    }

    @Override
    public int attachVisitor(String visitorId, long leadId) {
        return jdbc.sql("""
                        with added as (
                            update engagement_event set lead_id = :lead where visitor_id = :visitor and lead_id is null
                            returning event_id, lead_id, type, occurred_at, properties
                        )""" + SUMMARIES + """
                        select count(*) from added
                        """)
                .param("lead", leadId)
                .param("visitor", visitorId)
                .query(Integer.class)
                .single();
    }

    @Override
    public Map<Long, List<EngagementEvent>> ofLeads(
            List<Long> leadIds, Optional<Instant> since, Set<String> everTypes, Set<String> types) {
        var events = new HashMap<Long, List<EngagementEvent>>();
        if (leadIds.isEmpty()) {
            return events;
        }
        // two index range scans — the events inside the horizon, and the older ones of the ever-counting types — rather
        // than one scan that fetches every event of the lead to test its time or type
        String sql = since.isEmpty()
                ? "select lead_id, event_id, type, occurred_at, properties from engagement_event"
                        + " where lead_id = any(:leads) and type = any(:types)"
                : """
                        select lead_id, event_id, type, occurred_at, properties from engagement_event
                         where lead_id = any(:leads) and occurred_at > :since and type = any(:types)
                        union all
                        select lead_id, event_id, type, occurred_at, properties from engagement_event
                         where lead_id = any(:leads) and type = any(:ever) and occurred_at <= :since
                        """;
        jdbc.sql(sql + " order by lead_id, occurred_at, event_id")
                .param("leads", leadIds.toArray(Long[]::new))
                .param("since", since.map(Timestamp::from).orElse(null))
                .param("ever", everTypes.toArray(String[]::new))
                .param("types", types.toArray(String[]::new))
                .query(row -> {
                    events.computeIfAbsent(row.getLong("lead_id"), id -> new ArrayList<>())
                            .add(new EngagementEvent(
                                    row.getString("event_id"),
                                    row.getString("type"),
                                    row.getTimestamp("occurred_at").toInstant(),
                                    json.textMap(row.getString("properties"))));
                });
        return events;
    }

    @Override
    public List<EngagementEvent> ofLead(long leadId) {
        return jdbc.sql("""
                        select event_id, type, occurred_at, properties from engagement_event
                         where lead_id = :lead order by occurred_at, event_id
                        """)
                .param("lead", leadId)
                .query((row, i) -> event(row, json))
                .list();
    }

    /** An event from a row of event_id, type, occurred_at and properties. */
    static EngagementEvent event(java.sql.ResultSet row, Json json) throws java.sql.SQLException {
        return new EngagementEvent(
                row.getString("event_id"),
                row.getString("type"),
                row.getTimestamp("occurred_at").toInstant(),
                json.textMap(row.getString("properties")));
    }
}
