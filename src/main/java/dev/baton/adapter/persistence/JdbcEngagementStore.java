package dev.baton.adapter.persistence;

import dev.baton.core.engine.EngagementStore;
import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lead.RawEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Engagement events in PostgreSQL, unique by the caller's event id. */
public final class JdbcEngagementStore implements EngagementStore {

    private final JdbcClient jdbc;
    private final Json json;

    public JdbcEngagementStore(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.json = new Json(mapper);
    }

    @Override
    public boolean add(RawEvent event, Optional<Long> leadId, Instant receivedAt) {
        return jdbc.sql("""
                                insert into engagement_event
                                       (event_id, lead_id, visitor_id, type, occurred_at, received_at, properties)
                                values (:id, :lead, :visitor, :type, :occurred, :received, :properties)
                                on conflict (event_id) do nothing
                                """)
                        .param("id", event.eventId())
                        .param("lead", leadId.orElse(null))
                        .param("visitor", event.visitorId().orElse(null))
                        .param("type", event.type())
                        .param("occurred", Timestamp.from(event.occurredAt()))
                        .param("received", Timestamp.from(receivedAt))
                        .param("properties", json.jsonb(event.properties()))
                        .update()
                == 1;
    }

    @Override
    public Optional<Long> leadOfVisitor(String visitorId) {
        return jdbc.sql("""
                        select lead_id from engagement_event
                         where visitor_id = :visitor and lead_id is not null
                         order by received_at desc limit 1
                        """).param("visitor", visitorId).query(Long.class).optional();
    }

    @Override
    public int attachVisitor(String visitorId, long leadId) {
        return jdbc.sql("update engagement_event set lead_id = :lead where visitor_id = :visitor and lead_id is null")
                .param("lead", leadId)
                .param("visitor", visitorId)
                .update();
    }

    @Override
    public Map<Long, List<EngagementEvent>> ofLeads(List<Long> leadIds) {
        var events = new HashMap<Long, List<EngagementEvent>>();
        if (leadIds.isEmpty()) {
            return events;
        }
        jdbc.sql("""
                        select lead_id, event_id, type, occurred_at, properties from engagement_event
                         where lead_id = any(:leads) order by lead_id, occurred_at, event_id
                        """).param("leads", leadIds.toArray(Long[]::new)).query(row -> {
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
                .query((row, i) -> new EngagementEvent(
                        row.getString("event_id"),
                        row.getString("type"),
                        row.getTimestamp("occurred_at").toInstant(),
                        json.textMap(row.getString("properties"))))
                .list();
    }
}
