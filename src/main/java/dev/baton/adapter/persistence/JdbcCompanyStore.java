package dev.baton.adapter.persistence;

import dev.baton.core.engine.CompanyStore;
import dev.baton.core.lead.CompanyFact;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Companies' claims, pinned facts and history in PostgreSQL; the history table refuses updates and deletes. */
public final class JdbcCompanyStore implements CompanyStore {

    private final JdbcClient jdbc;
    private final Json json;

    public JdbcCompanyStore(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.json = new Json(mapper);
    }

    @Override
    public long ownCompany(Instant at) {
        return jdbc.sql("insert into company (domain, profile, created_at, updated_at) values (null, '{}', :at, :at)"
                        + " returning id")
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    @Override
    public void claim(long companyId, long leadId, String field, String value, Instant at) {
        jdbc.sql("""
                        insert into company_claim (company_id, field, lead_id, value, claimed_at)
                        values (:company, :field, :lead, :value, :at)
                        on conflict (company_id, field, lead_id)
                        do update set value = excluded.value, claimed_at = excluded.claimed_at
                         where company_claim.value <> excluded.value
                        """)
                .param("company", companyId)
                .param("field", field)
                .param("lead", leadId)
                .param("value", value)
                .param("at", Timestamp.from(at))
                .update();
    }

    @Override
    public List<CompanyFact.Tally> tallies(long companyId, String field) {
        return jdbc.sql("""
                        select value, count(*) as leads, min(claimed_at) as first_at from company_claim
                         where company_id = :company and field = :field
                         group by value order by value
                        """)
                .param("company", companyId)
                .param("field", field)
                .query((row, i) -> new CompanyFact.Tally(
                        row.getString("value"),
                        row.getLong("leads"),
                        row.getTimestamp("first_at").toInstant()))
                .list();
    }

    @Override
    public Map<String, String> pinned(long companyId) {
        return jdbc.sql("select pinned from company where id = :id")
                .param("id", companyId)
                .query(String.class)
                .optional()
                .map(json::textMap)
                .orElse(Map.of());
    }

    @Override
    public void pin(long companyId, Map<String, String> fields) {
        jdbc.sql("update company set pinned = pinned || :fields where id = :id")
                .param("fields", json.jsonb(fields))
                .param("id", companyId)
                .update();
    }

    @Override
    public void record(long companyId, List<Change> changes) {
        for (Change change : changes) {
            jdbc.sql("""
                            insert into company_history (company_id, field, was, value, at, actor, lead_id, why)
                            values (:company, :field, :was, :value, :at, :actor, :lead, :why)
                            """)
                    .param("company", companyId)
                    .param("field", change.field())
                    .param("was", change.was().orElse(null))
                    .param("value", change.value().orElse(null))
                    .param("at", Timestamp.from(change.at()))
                    .param("actor", change.actor())
                    .param("lead", change.leadId().orElse(null))
                    .param("why", change.why())
                    .update();
        }
    }

    @Override
    public List<Change> history(long companyId) {
        return jdbc.sql("""
                        select field, was, value, at, actor, lead_id, why from company_history
                         where company_id = :company order by id
                        """)
                .param("company", companyId)
                .query((row, i) -> new Change(
                        row.getString("field"),
                        Optional.ofNullable(row.getString("was")),
                        Optional.ofNullable(row.getString("value")),
                        row.getTimestamp("at").toInstant(),
                        row.getString("actor"),
                        Optional.ofNullable((Long) row.getObject("lead_id")),
                        row.getString("why")))
                .list();
    }

    @Override
    public List<Long> leadsOf(long companyId) {
        return jdbc.sql("select id from lead where company_id = :company order by id")
                .param("company", companyId)
                .query(Long.class)
                .list();
    }
}
