package dev.baton.adapter.persistence;

import dev.baton.core.lead.Email;
import dev.baton.core.privacy.Erasure;
import dev.baton.core.privacy.PersonalDataStore;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's data in PostgreSQL: read from every table that refers to their lead, erased with the functions of V20
 * inside a transaction that may rewrite the histories, and old engagement deleted.
 */
public final class JdbcPersonalData implements PersonalDataStore {

    /** What the history's lines and the routing decisions keep under erasure: what the funnel is rebuilt from. */
    private static final String[] KEPT_KEYS = {
        "target",
        "from",
        "reasonCode",
        "reason",
        "agreementVersion",
        "priority",
        "amount",
        "currency",
        "rep",
        "team",
        "queue",
        "owner"
    };

    /** The tables shown in a lead's export by a store of their own: its row, its timeline and its events. */
    private static final List<String> SHOWN_ELSEWHERE = List.of("lead", "lead_history", "engagement_event");

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");

    private static final String SPARED = "coalesce((select array_agg(email) from rep), '{}')";

    private final JdbcClient jdbc;
    private final Json json;

    public JdbcPersonalData(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.json = new Json(mapper);
    }

    @Override
    public Optional<Long> leadOf(Email email) {
        return jdbc.sql("select id from lead where email = :email and erased_at is null")
                .param("email", email.address())
                .query(Long.class)
                .optional();
    }

    @Override
    public Optional<Person> lockPerson(Email email) {
        return jdbc.sql("select id, profile from lead where email = :email and erased_at is null for update")
                .param("email", email.address())
                .query((row, n) -> new Person(
                        row.getLong("id"),
                        email,
                        json.textMap(row.getString("profile")),
                        visitorsOf(row.getLong("id"))))
                .optional();
    }

    private java.util.Set<String> visitorsOf(long lead) {
        return new HashSet<>(
                jdbc.sql("""
                        select distinct visitor_id from engagement_event where lead_id = :lead and visitor_id is not null
                        """).param("lead", lead).query(String.class).list());
    }

    @Override
    public Optional<Instant> erasedAt(long leadId) {
        return jdbc.sql("select erased_at from lead where id = :lead")
                .param("lead", leadId)
                .query((row, n) ->
                        Optional.ofNullable(row.getTimestamp("erased_at")).map(Timestamp::toInstant))
                .optional()
                .flatMap(at -> at);
    }

    /**
     * Found in the catalogue rather than listed, so that a table added later with a lead_id column is in every export
     * without anyone remembering to add it here.
     */
    @Override
    public Map<String, List<Map<String, Object>>> rowsAbout(long leadId) {
        List<String> tables = jdbc.sql("""
                        select c.table_name from information_schema.columns c
                          join information_schema.tables t
                            on t.table_schema = c.table_schema and t.table_name = c.table_name
                         where c.table_schema = current_schema() and c.column_name = 'lead_id'
                           and t.table_type = 'BASE TABLE' and c.table_name <> all(:shown)
                         order by c.table_name
                        """)
                .param("shown", SHOWN_ELSEWHERE.toArray(String[]::new))
                .query(String.class)
                .list();
        var rows = new LinkedHashMap<String, List<Map<String, Object>>>();
        for (String table : tables) {
            if (!TABLE.matcher(table).matches()) {
                throw new IllegalStateException("unexpected table name " + table);
            }
            rows.put(
                    table,
                    jdbc.sql("select * from " + table + " where lead_id = :lead order by 1, 2")
                            .param("lead", leadId)
                            .query((row, n) -> columns(row))
                            .list());
        }
        return rows;
    }

    private Map<String, Object> columns(ResultSet row) throws SQLException {
        ResultSetMetaData meta = row.getMetaData();
        var values = new LinkedHashMap<String, Object>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = row.getObject(i);
            if (value instanceof Timestamp at) {
                value = at.toInstant();
            } else if (value instanceof PGobject object && object.getValue() != null) {
                value = object.getType().startsWith("json") ? json.value(object.getValue()) : object.getValue();
            } else if (value instanceof byte[]) {
                continue;
            }
            values.put(meta.getColumnName(i), value);
        }
        return values;
    }

    @Override
    public void erase(Erasure erasure, Instant at) {
        jdbc.sql("select set_config('baton.erasing', 'on', true)")
                .query(String.class)
                .single();
        var params = new LinkedHashMap<String, Object>();
        params.put("lead", erasure.leadId());
        params.put("anonymous", erasure.anonymous().address());
        params.put("email", erasure.email().address());
        params.put("secrets", erasure.secrets().toArray(String[]::new));
        params.put("kept", KEPT_KEYS);
        params.put("fields", erasure.profile().keySet().toArray(String[]::new));
        params.put("profile", json.jsonb(erasure.profile()));
        params.put("at", Timestamp.from(at));
        for (String statement : ERASURE) {
            jdbc.sql(statement).params(params).update();
        }
    }

    /**
     * The statements of an erasure, each over one table. Free text a rep or a caller wrote about the person (activity
     * notes, a rejection's note, the answers to BANT) goes whatever it says; the rest goes where it names the person.
     */
    private static final List<String> ERASURE = List.of(
            """
            update lead
               set email = :anonymous, profile = :profile,
                   score_card = erased_json(score_card, :secrets, :kept, %1$s),
                   why_qualified = erased_text(why_qualified, :secrets),
                   routing = erased_json(routing, :secrets, :kept, %1$s),
                   erased_at = :at, updated_at = :at
             where id = :lead
            """.formatted(SPARED),
            """
            update lead_history
               set data = erased_json(case type
                       when 'LeadCreated' then jsonb_build_object('email', cast(:anonymous as text))
                       when 'LeadFieldsChanged' then
                           (select coalesce(jsonb_object_agg(key, case
                                       when key = any(:fields) then value
                                       when key like 'company.%%' then erased_json(value, :secrets, '{}', %1$s)
                                       else jsonb_build_object('to', '[erased]')
                                            || case when value->'from' is not null then '{"from":"[erased]"}'::jsonb
                                                    else '{}'::jsonb end
                                   end), '{}')
                              from jsonb_each(data))
                       when 'LeadSalesQualified' then
                           case when jsonb_typeof(data->'bant') = 'object' then
                                jsonb_set(data, '{bant}',
                                          (select coalesce(jsonb_object_agg(key, '"[erased]"'::jsonb), '{}')
                                             from jsonb_each(data->'bant')))
                                else data end
                       else data - 'notes' - 'note'
                   end, :secrets, :kept, %1$s),
                   actor = case when actor = any(%1$s) then actor else erased_text(actor, :secrets) end,
                   cause = erased_text(cause, :secrets)
             where lead_id = :lead
            """.formatted(SPARED),
            """
            update engagement_event
               set properties = erased_json(properties, :secrets, '{}', %1$s),
                   visitor_id = null,
                   event_id = case when erased_text(event_id, :secrets) = event_id then event_id
                                   else 'erased-' || md5(event_id) end
             where lead_id = :lead
                or lead_id is null and (lower(visitor_id) = any(:secrets) or strpos(lower(properties::text), :email) > 0)
            """.formatted(SPARED),
            """
            update notification
               set subject = erased_text(subject, :secrets),
                   recipient = case when recipient = any(%1$s) then recipient else erased_text(recipient, :secrets) end,
                   body = erased_json(body, :secrets, :kept, %1$s),
                   last_error = erased_text(last_error, :secrets)
             where lead_id = :lead
            """.formatted(SPARED),
            """
            update notification
               set subject = erased_text(subject, array[cast(:email as text)]),
                   recipient = erased_text(recipient, array[cast(:email as text)]),
                   body = erased_json(body, array[cast(:email as text)], '{}', '{}'),
                   last_error = erased_text(last_error, array[cast(:email as text)])
             where lead_id is distinct from :lead
               and strpos(lower(subject || ' ' || recipient || ' ' || body::text || ' ' || coalesce(last_error, '')),
                          :email) > 0
            """,
            "update company_claim set value = erased_text(value, :secrets) where lead_id = :lead",
            """
            update company_history
               set was = erased_text(was, :secrets), value = erased_text(value, :secrets),
                   why = erased_text(why, :secrets),
                   actor = case when actor = any(%1$s) then actor else erased_text(actor, :secrets) end
             where lead_id = :lead
                or company_id = (select company_id from lead where id = :lead)
                   and row(erased_text(was, :secrets), erased_text(value, :secrets), erased_text(why, :secrets))
                       is distinct from row(was, value, why)
            """.formatted(SPARED),
            """
            update company
               set profile = erased_json(profile, :secrets, '{}', %1$s),
                   pinned = erased_json(pinned, :secrets, '{}', %1$s),
                   normalized_name = erased_text(normalized_name, :secrets)
             where id = (select company_id from lead where id = :lead)
            """.formatted(SPARED));

    @Override
    public int deleteEvents(Sweep sweep, int limit) {
        return jdbc.sql("""
                        with doomed as (
                            (select e.event_id
                               from lead l join engagement_event e on e.lead_id = l.id and e.occurred_at < :before
                              where l.cycle = 0 and l.qualified_at is null and l.stage = any(:stages)
                                and e.type <> all(:kept)
                                and not exists (
                                    select 1 from funnel_cycle f
                                     where f.lead_id = l.id
                                       and (f.qualified_at is not null or f.accepted_at is not null
                                            or f.rejected_at is not null or f.sql_at is not null
                                            or f.opportunity_at is not null or f.won_at is not null
                                            or f.lost_at is not null))
                              limit :limit)
                            union all
                            (select event_id from engagement_event
                              where lead_id is null and occurred_at < :before and type <> all(:kept)
                              limit :limit)
                        )
                        delete from engagement_event
                         where event_id in (select event_id from doomed limit :limit)
                        """)
                .param("before", Timestamp.from(sweep.before()))
                .param("stages", sweep.stages().stream().map(Enum::name).toArray(String[]::new))
                .param("kept", sweep.keptTypes().toArray(String[]::new))
                .param("limit", limit)
                .update();
    }
}
