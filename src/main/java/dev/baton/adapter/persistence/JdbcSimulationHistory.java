package dev.baton.adapter.persistence;

import dev.baton.core.engine.SimulationHistory;
import dev.baton.core.engine.StoredLead;
import dev.baton.core.lead.Email;
import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.simulation.LeadHistory;
import dev.baton.core.simulation.Outcome;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history a simulation replays, from PostgreSQL: the leads that were not erased, their companies' facts, their
 * engagement events, and their handoff cycles for what became of them. A lead is replayed from when it was first seen
 * — created, or its first event or qualification, whichever came first: a lead imported with its history was created
 * after it.
 */
public final class JdbcSimulationHistory implements SimulationHistory {

    private final JdbcClient jdbc;
    private final Json json;

    public JdbcSimulationHistory(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.json = new Json(mapper);
    }

    @Override
    public long[] leadIds() {
        var ids = new long[][] {new long[1024]};
        var count = new int[1];
        // a lead imported with its history may have been created after the period it belongs to: each chunk tells
        jdbc.sql("select id from lead where erased_at is null order by id").query((RowCallbackHandler) row -> {
            if (count[0] == ids[0].length) {
                ids[0] = Arrays.copyOf(ids[0], ids[0].length * 2);
            }
            ids[0][count[0]++] = row.getLong(1);
        });
        return Arrays.copyOf(ids[0], count[0]);
    }

    @Override
    public List<LeadHistory> read(List<Long> ids, Instant before, Map<String, Boolean> types) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Long[] leadIds = ids.toArray(Long[]::new);
        Map<Long, Outcome> outcomes = outcomes(leadIds);
        Map<Long, List<EngagementEvent>> events = events(ids, before, types);
        return jdbc.sql("""
                        select l.id, l.email, l.profile, c.profile as company_profile,
                               least(l.created_at, e.first_at, f.first_at) as first_seen
                          from lead l left join company c on c.id = l.company_id
                          left join lateral (select min(occurred_at) as first_at from engagement_event
                                              where lead_id = l.id) e on true
                          left join lateral (select min(qualified_at) as first_at from funnel_cycle
                                              where lead_id = l.id) f on true
                         where l.id = any(:ids) and l.erased_at is null
                           and least(l.created_at, e.first_at, f.first_at) < :before
                         order by l.id
                        """)
                .param("ids", leadIds)
                .param("before", Timestamp.from(before))
                .query((ResultSet row, int n) -> {
                    long id = row.getLong("id");
                    String company = row.getString("company_profile");
                    return new LeadHistory(
                            id,
                            StoredLead.factsOf(
                                    new Email(row.getString("email")),
                                    json.textMap(row.getString("profile")),
                                    company == null ? Map.of() : json.textMap(company)),
                            row.getTimestamp("first_seen").toInstant(),
                            events.getOrDefault(id, List.of()),
                            outcomes.getOrDefault(id, Outcome.NONE));
                })
                .list();
    }

    /**
     * The chunk's events of the types asked for, by one range scan of the index on (lead, time) from its first lead to
     * its last — the leads between them that are not in the chunk are left out here — in time order.
     */
    private Map<Long, List<EngagementEvent>> events(List<Long> ids, Instant before, Map<String, Boolean> types) {
        var wanted = new java.util.HashSet<>(ids);
        var events = new HashMap<Long, List<EngagementEvent>>();
        String[] withProperties = types.entrySet().stream()
                .filter(Map.Entry::getValue)
                .map(Map.Entry::getKey)
                .toArray(String[]::new);
        jdbc.sql("""
                        select lead_id, event_id, type, occurred_at,
                               case when type = any(:described) then properties::text end as properties
                          from engagement_event
                         where lead_id between :first and :last and occurred_at < :before and type = any(:types)
                         order by lead_id, occurred_at
                        """)
                .param("described", withProperties)
                .param("first", ids.get(0))
                .param("last", ids.get(ids.size() - 1))
                .param("before", Timestamp.from(before))
                .param("types", types.keySet().toArray(String[]::new))
                .query((RowCallbackHandler) row -> {
                    long lead = row.getLong("lead_id");
                    if (!wanted.contains(lead)) {
                        return;
                    }
                    String properties = row.getString("properties");
                    events.computeIfAbsent(lead, id -> new ArrayList<>())
                            .add(new EngagementEvent(
                                    row.getString("event_id"),
                                    row.getString("type"),
                                    row.getTimestamp("occurred_at").toInstant(),
                                    properties == null ? Map.of() : json.textMap(properties)));
                });
        return events;
    }

    private Map<Long, Outcome> outcomes(Long[] ids) {
        var cycles = new HashMap<Long, List<Cycle>>();
        jdbc.sql("""
                        select lead_id, qualified_at, sql_at is not null as sql, opportunity_at is not null as opportunity,
                               won_at is not null as won, amount, coalesce(currency, '') as currency
                          from funnel_cycle where lead_id = any(:ids)
                        """).param("ids", ids).query((RowCallbackHandler) row -> cycles.computeIfAbsent(
                        row.getLong("lead_id"), id -> new ArrayList<>())
                .add(new Cycle(
                        Optional.ofNullable(row.getTimestamp("qualified_at")).map(Timestamp::toInstant),
                        row.getBoolean("sql"),
                        row.getBoolean("opportunity"),
                        row.getBoolean("won"),
                        Optional.ofNullable(row.getBigDecimal("amount")),
                        row.getString("currency"))));
        var outcomes = new HashMap<Long, Outcome>();
        cycles.forEach((id, of) -> {
            var revenue = new TreeMap<String, BigDecimal>();
            of.stream()
                    .filter(Cycle::won)
                    .forEach(c -> c.amount().ifPresent(a -> revenue.merge(c.currency(), a, BigDecimal::add)));
            outcomes.put(
                    id,
                    new Outcome(
                            of.stream()
                                    .flatMap(c -> c.qualifiedAt().stream())
                                    .sorted()
                                    .toList(),
                            of.stream().anyMatch(Cycle::sql),
                            of.stream().anyMatch(Cycle::opportunity),
                            of.stream().anyMatch(Cycle::won),
                            revenue));
        });
        return outcomes;
    }

    private record Cycle(
            Optional<Instant> qualifiedAt,
            boolean sql,
            boolean opportunity,
            boolean won,
            Optional<BigDecimal> amount,
            String currency) {}
}
