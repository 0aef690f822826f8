package dev.baton.adapter.persistence;

import dev.baton.core.engine.CompanyStore;
import dev.baton.core.lead.CompanyFact;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    public void claimAll(List<Claim> claims, Instant at) {
        if (claims.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into company_claim (company_id, field, lead_id, value, claimed_at)
                        select company, field, lead, value, :at
                          from unnest(:companies::bigint[], :fields::text[], :leads::bigint[], :values::text[])
                               as u(company, field, lead, value)
                         order by company, field, lead
                        on conflict (company_id, field, lead_id)
                        do update set value = excluded.value, claimed_at = excluded.claimed_at
                         where company_claim.value <> excluded.value
                        """)
                .param("companies", claims.stream().map(Claim::companyId).toArray(Long[]::new))
                .param("fields", claims.stream().map(Claim::field).toArray(String[]::new))
                .param("leads", claims.stream().map(Claim::leadId).toArray(Long[]::new))
                .param("values", claims.stream().map(Claim::value).toArray(String[]::new))
                .param("at", Timestamp.from(at))
                .update();
    }

    @Override
    public Map<Long, Map<String, List<CompanyFact.Tally>>> tallies(Set<Long> companyIds, Set<String> fields) {
        var tallies = new HashMap<Long, Map<String, List<CompanyFact.Tally>>>();
        jdbc.sql("""
                        select company_id, field, value, count(*) as leads, min(claimed_at) as first_at
                          from company_claim
                         where company_id = any(:companies) and field = any(:fields)
                         group by company_id, field, value order by company_id, field, value
                        """)
                .param("companies", companyIds.toArray(Long[]::new))
                .param("fields", fields.toArray(String[]::new))
                .query((row, i) -> tallies.computeIfAbsent(row.getLong("company_id"), c -> new HashMap<>())
                        .computeIfAbsent(row.getString("field"), f -> new ArrayList<>())
                        .add(new CompanyFact.Tally(
                                row.getString("value"),
                                row.getLong("leads"),
                                row.getTimestamp("first_at").toInstant())))
                .list();
        return tallies;
    }

    @Override
    public Map<Long, Map<String, String>> pinned(Set<Long> companyIds) {
        var pinned = new HashMap<Long, Map<String, String>>();
        jdbc.sql("select id, pinned from company where id = any(:ids) and pinned <> '{}'")
                .param("ids", companyIds.toArray(Long[]::new))
                .query((row, i) -> pinned.put(row.getLong("id"), json.textMap(row.getString("pinned"))))
                .list();
        return pinned;
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
        recordAll(Map.of(companyId, changes));
    }

    @Override
    public void recordAll(Map<Long, List<Change>> changes) {
        var companies = new ArrayList<Long>();
        var all = new ArrayList<Change>();
        changes.forEach((company, list) -> list.forEach(change -> {
            companies.add(company);
            all.add(change);
        }));
        if (all.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into company_history (company_id, field, was, value, at, actor, lead_id, why)
                        select company, field, was, value, at::timestamptz, actor, lead, why
                          from unnest(:companies::bigint[], :fields::text[], :was::text[], :values::text[],
                                      :ats::text[], :actors::text[], :leads::bigint[], :whys::text[])
                               with ordinality as u(company, field, was, value, at, actor, lead, why, n)
                         order by n
                        """)
                .param("companies", companies.toArray(Long[]::new))
                .param("fields", all.stream().map(Change::field).toArray(String[]::new))
                .param("was", all.stream().map(c -> c.was().orElse(null)).toArray(String[]::new))
                .param("values", all.stream().map(c -> c.value().orElse(null)).toArray(String[]::new))
                .param("ats", all.stream().map(c -> c.at().toString()).toArray(String[]::new))
                .param("actors", all.stream().map(Change::actor).toArray(String[]::new))
                .param("leads", all.stream().map(c -> c.leadId().orElse(null)).toArray(Long[]::new))
                .param("whys", all.stream().map(Change::why).toArray(String[]::new))
                .update();
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
