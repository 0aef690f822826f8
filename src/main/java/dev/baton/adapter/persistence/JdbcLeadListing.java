package dev.baton.adapter.persistence;

import dev.baton.core.engine.LeadListing;
import dev.baton.core.engine.LeadSearch;
import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lifecycle.Stage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lists leads by keyset pages: an export reads every lead in id order, a search the leads its filters find in its
 * order. A page starts after the last lead of the one before (its sort key, then its id), never at an offset, so a page
 * costs the same wherever it is and leads added meanwhile do not shift the others.
 */
public final class JdbcLeadListing implements LeadListing {

    private static final String COLUMNS = """
            select l.id, l.email, l.stage, l.score, l.priority, l.owner, l.team, l.queue, l.profile,
                   coalesce(c.profile, '{}') as company_profile, l.created_at, l.updated_at, l.qualified_at,
                   l.qualified_with, f.accepted_at, f.rejected_at, f.sql_at, f.opportunity_at, f.won_at, f.lost_at,
                   f.disqualified_at, f.nurtured_at, f.recycled_at, f.amount, f.currency
              from lead l left join company c on c.id = l.company_id
              left join lateral (select * from funnel_cycle f where f.lead_id = l.id order by f.cycle desc limit 1) f
                on true
            """;

    /** The stages a handoff cycle records the time of, by the column that holds it. */
    private static final Map<String, String> REACHED = reached();

    private final JdbcClient jdbc;
    private final Json json;

    public JdbcLeadListing(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.json = new Json(mapper);
    }

    @Override
    public List<Listed> page(long afterId, int size) {
        return jdbc.sql(COLUMNS + " where l.id > :after order by l.id limit :size")
                .param("after", afterId)
                .param("size", size)
                .query(this::map)
                .list();
    }

    @Override
    public List<String> attributeNames() {
        return jdbc.sql("""
                        select distinct substr(key, length('lead.attributes.') + 1) as name
                          from lead, jsonb_object_keys(profile) as key
                         where key like 'lead.attributes.%' order by name
                        """).query(String.class).list();
    }

    @Override
    public Found find(LeadSearch search) {
        var where = new ArrayList<String>();
        var params = new LinkedHashMap<String, Object>();
        if (!search.stages().isEmpty()) {
            where.add("l.stage in (:stages)");
            params.put(
                    "stages", search.stages().stream().map(Stage::name).sorted().toList());
        }
        search.email().ifPresent(email -> equal(where, params, "l.email", "email", email.address()));
        search.owner().ifPresent(owner -> equal(where, params, "l.owner", "owner", owner));
        search.team().ifPresent(team -> equal(where, params, "l.team", "team", team));
        search.queue().ifPresent(queue -> equal(where, params, "l.queue", "queue", queue));
        search.source().ifPresent(source -> equal(where, params, "l.profile->>'lead.source'", "source", source));
        search.campaign().ifPresent(campaign -> {
            where.add(":campaign in (l.profile->>'lead.campaign', l.profile->>'lead.utm_campaign')");
            params.put("campaign", campaign);
        });
        search.minScore().ifPresent(score -> {
            where.add("l.score >= :minScore");
            params.put("minScore", score);
        });
        search.maxScore().ifPresent(score -> {
            where.add("l.score <= :maxScore");
            params.put("maxScore", score);
        });
        search.priority().ifPresent(priority -> {
            where.add("l.priority @> jsonb_build_array(cast(:priority as text))");
            params.put("priority", priority);
        });
        search.qualifiedSince().ifPresent(at -> {
            where.add("l.qualified_at >= :qualifiedSince");
            params.put("qualifiedSince", Timestamp.from(at));
        });
        search.qualifiedUntil().ifPresent(at -> {
            where.add("l.qualified_at < :qualifiedUntil");
            params.put("qualifiedUntil", Timestamp.from(at));
        });
        search.createdSince().ifPresent(at -> {
            where.add("l.created_at >= :createdSince");
            params.put("createdSince", Timestamp.from(at));
        });
        search.version().ifPresent(version -> equal(where, params, "l.qualified_with", "version", version));
        search.text().ifPresent(text -> {
            where.add("""
                    (l.email ilike :text escape '\\'
                     or concat_ws(' ', l.profile->>'lead.first_name', l.profile->>'lead.last_name') ilike :text escape '\\'
                     or l.profile->>'company.name' ilike :text escape '\\'
                     or c.profile->>'company.name' ilike :text escape '\\'
                     or c.domain ilike :text escape '\\')""");
            params.put("text", "%" + likeEscaped(text) + "%");
        });
        String key = sortKey(search.sort().key());
        String direction = search.sort().descending() ? "desc" : "asc";
        search.after().ifPresent(cursor -> {
            where.add("(" + key + ", l.id) " + (search.sort().descending() ? "<" : ">") + " ("
                    + keyValue(cursor, params) + ", :afterId)");
            params.put("afterId", cursor.id());
        });
        params.put("size", search.limit() + 1);
        String sql = COLUMNS
                + (where.isEmpty() ? "" : " where " + String.join("\n and ", where))
                + " order by " + key + " " + direction + ", l.id " + direction
                + " limit :size";
        List<Listed> leads = jdbc.sql(sql).params(params).query(this::map).list();
        if (leads.size() <= search.limit()) {
            return new Found(leads, Optional.empty());
        }
        List<Listed> page = leads.subList(0, search.limit());
        return new Found(page, Optional.of(cursorAfter(page.get(page.size() - 1), search.sort())));
    }

    @Override
    public Events events(long leadId, Optional<EventCursor> before, int limit) {
        var params = new LinkedHashMap<String, Object>();
        params.put("lead", leadId);
        params.put("size", limit + 1);
        String after = "";
        if (before.isPresent()) {
            after = " and (occurred_at, event_id) < (:at, :eventId)";
            params.put("at", Timestamp.from(before.get().occurredAt()));
            params.put("eventId", before.get().eventId());
        }
        List<EngagementEvent> events = jdbc.sql("select event_id, type, occurred_at, properties from engagement_event"
                        + " where lead_id = :lead" + after
                        + " order by occurred_at desc, event_id desc limit :size")
                .params(params)
                .query((row, i) -> JdbcEngagementStore.event(row, json))
                .list();
        if (events.size() <= limit) {
            return new Events(events, Optional.empty());
        }
        List<EngagementEvent> page = events.subList(0, limit);
        EngagementEvent last = page.get(page.size() - 1);
        return new Events(page, Optional.of(new EventCursor(last.occurredAt(), last.id())));
    }

    private static void equal(
            List<String> where, Map<String, Object> params, String column, String name, Object value) {
        where.add(column + " = :" + name);
        params.put(name, value);
    }

    /** The sorted value as SQL; a lead without one sorts below every lead with one. */
    private static String sortKey(LeadSearch.Key key) {
        return switch (key) {
            case CREATED -> "l.created_at";
            case UPDATED -> "l.updated_at";
            case SCORE -> "coalesce(l.score, -2147483648)";
            case QUALIFIED -> "coalesce(l.qualified_at, '-infinity'::timestamptz)";
        };
    }

    private static String keyValue(LeadSearch.Cursor cursor, Map<String, Object> params) {
        if (cursor.sort().key() == LeadSearch.Key.SCORE) {
            params.put("afterKey", cursor.key());
            return "cast(:afterKey as bigint)";
        }
        if (cursor.key() == Long.MIN_VALUE) {
            return "'-infinity'::timestamptz";
        }
        params.put("afterKey", Timestamp.from(Instant.EPOCH.plus(cursor.key(), ChronoUnit.MICROS)));
        return ":afterKey";
    }

    private static LeadSearch.Cursor cursorAfter(Listed lead, LeadSearch.Sort sort) {
        long key = switch (sort.key()) {
            case CREATED -> micros(lead.createdAt());
            case UPDATED -> micros(lead.updatedAt());
            case SCORE -> lead.score().orElse(Integer.MIN_VALUE);
            case QUALIFIED -> lead.qualifiedAt().map(JdbcLeadListing::micros).orElse(Long.MIN_VALUE);
        };
        return new LeadSearch.Cursor(sort, key, lead.id());
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    /** The text as a LIKE pattern that matches it literally, its %, _ and backslashes escaped. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Map<String, String> reached() {
        var columns = new LinkedHashMap<String, String>();
        for (Stage stage : List.of(
                Stage.ACCEPTED,
                Stage.REJECTED,
                Stage.SQL,
                Stage.OPPORTUNITY,
                Stage.WON,
                Stage.LOST,
                Stage.DISQUALIFIED,
                Stage.NURTURE,
                Stage.RECYCLED)) {
            columns.put(stage.word(), (stage == Stage.NURTURE ? "nurtured" : stage.word()) + "_at");
        }
        return Map.copyOf(columns);
    }

    @SuppressWarnings("unchecked")
    private Listed map(ResultSet row, int index) throws SQLException {
        var reached = new LinkedHashMap<String, Instant>();
        for (Map.Entry<String, String> stage : REACHED.entrySet()) {
            Timestamp at = row.getTimestamp(stage.getValue());
            if (at != null) {
                reached.put(stage.getKey(), at.toInstant());
            }
        }
        return new Listed(
                row.getLong("id"),
                row.getString("email"),
                Stage.valueOf(row.getString("stage")),
                Optional.ofNullable((Integer) row.getObject("score")),
                (List<String>) json.value(row.getString("priority")),
                Optional.ofNullable(row.getString("owner")),
                Optional.ofNullable(row.getString("team")),
                Optional.ofNullable(row.getString("queue")),
                json.textMap(row.getString("profile")),
                json.textMap(row.getString("company_profile")),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(),
                Optional.ofNullable(row.getTimestamp("qualified_at")).map(Timestamp::toInstant),
                Optional.ofNullable((Integer) row.getObject("qualified_with")),
                reached,
                Optional.ofNullable(row.getBigDecimal("amount")),
                Optional.ofNullable(row.getString("currency")));
    }
}
