package dev.baton.adapter.persistence;

import dev.baton.core.engine.LeadStore;
import dev.baton.core.engine.StoredLead;
import dev.baton.core.lead.Email;
import dev.baton.core.lead.HistoryEntry;
import dev.baton.core.lifecycle.LeadStatus;
import dev.baton.core.lifecycle.Stage;
import dev.baton.core.scoring.ScoreCard;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Leads, companies and lead history in PostgreSQL. */
public final class JdbcLeadStore implements LeadStore {

    private static final String SELECT = """
            select l.id, l.email, l.company_id, l.profile, coalesce(c.profile, '{}') as company_profile, l.stage,
                   l.cycle, l.cool_off_until, l.score, l.scored_with, l.first_touch_at
              from lead l left join company c on c.id = l.company_id
            """;

    private final JdbcClient jdbc;
    private final Json json;

    public JdbcLeadStore(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.json = new Json(mapper);
    }

    @Override
    public StoredLead lockOrCreate(Email email, Instant at) {
        int inserted = jdbc.sql("""
                        insert into lead (email, created_at, updated_at) values (:email, :at, :at)
                        on conflict (email) do nothing
                        """)
                .param("email", email.address())
                .param("at", Timestamp.from(at))
                .update();
        StoredLead lead = jdbc.sql(SELECT + " where l.email = :email for no key update of l")
                .param("email", email.address())
                .query(this::map)
                .single();
        return inserted == 1 ? lead.asCreated() : lead;
    }

    @Override
    public Optional<StoredLead> lock(long id) {
        return jdbc.sql(SELECT + " where l.id = :id for no key update of l")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    @Override
    public List<Long> openLeadIdsAfter(long afterId, int limit) {
        return jdbc.sql("""
                        select id from lead where id > :after and stage not in ('WON', 'LOST', 'DISQUALIFIED')
                         order by id limit :limit
                        """)
                .param("after", afterId)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    @Override
    public List<StoredLead> lockAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where l.id = any(:ids) order by l.id for no key update of l")
                .param("ids", ids.toArray(Long[]::new))
                .query(this::map)
                .list();
    }

    @Override
    public Optional<StoredLead> find(long id) {
        return jdbc.sql(SELECT + " where l.id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    @Override
    public long companyWithDomain(String domain, Instant at) {
        jdbc.sql("""
                        insert into company (domain, profile, created_at, updated_at)
                        values (:domain, jsonb_build_object('company.domain', :domain), :at, :at)
                        on conflict (domain) do nothing
                        """).param("domain", domain).param("at", Timestamp.from(at)).update();
        return jdbc.sql("select id from company where domain = :domain")
                .param("domain", domain)
                .query(Long.class)
                .single();
    }

    @Override
    public void linkCompany(long leadId, long companyId) {
        jdbc.sql("update lead set company_id = :company where id = :id")
                .param("company", companyId)
                .param("id", leadId)
                .update();
    }

    @Override
    public void saveProfile(long leadId, Map<String, String> profile, Instant at) {
        jdbc.sql("update lead set profile = :profile, updated_at = :at where id = :id")
                .param("profile", json.jsonb(profile))
                .param("at", Timestamp.from(at))
                .param("id", leadId)
                .update();
    }

    @Override
    public void mergeCompanyProfile(long companyId, Map<String, String> fields, Instant at) {
        jdbc.sql("update company set profile = profile || :fields, updated_at = :at where id = :id")
                .param("fields", json.jsonb(fields))
                .param("at", Timestamp.from(at))
                .param("id", companyId)
                .update();
    }

    @Override
    public void saveScore(long leadId, ScoreCard card, int agreementVersion) {
        jdbc.sql("""
                        update lead set score = :score, fit = :fit, intent = :intent, score_card = :card,
                               scored_at = :at, scored_with = :version
                         where id = :id
                        """)
                .param("score", card.total())
                .param("fit", card.fit())
                .param("intent", card.intent())
                .param("card", json.jsonb(card))
                .param("at", Timestamp.from(card.at()))
                .param("version", agreementVersion)
                .param("id", leadId)
                .update();
    }

    @Override
    public void saveStatus(long leadId, LeadStatus status, Instant at) {
        jdbc.sql("""
                        update lead set stage = :stage, cycle = :cycle, cool_off_until = :until, updated_at = :at
                         where id = :id
                        """)
                .param("stage", status.stage().name())
                .param("cycle", status.cycle())
                .param("until", status.coolOffUntil().map(Timestamp::from).orElse(null))
                .param("at", Timestamp.from(at))
                .param("id", leadId)
                .update();
    }

    @Override
    public void saveQualification(long leadId, int agreementVersion, Instant at, String why, List<String> priority) {
        jdbc.sql("""
                        update lead set qualified_with = :version, qualified_at = :at, why_qualified = :why,
                               priority = :priority
                         where id = :id
                        """)
                .param("version", agreementVersion)
                .param("at", Timestamp.from(at))
                .param("why", why)
                .param("priority", json.jsonb(priority))
                .param("id", leadId)
                .update();
    }

    @Override
    public void saveFirstTouch(long leadId, Instant at) {
        jdbc.sql("update lead set first_touch_at = :at where id = :id")
                .param("at", Timestamp.from(at))
                .param("id", leadId)
                .update();
    }

    @Override
    public void append(long leadId, HistoryEntry entry) {
        jdbc.sql("""
                        insert into lead_history (lead_id, type, at, actor, cause, agreement_version, data)
                        values (:lead, :type, :at, :actor, :cause, :version, :data)
                        """)
                .param("lead", leadId)
                .param("type", entry.type())
                .param("at", Timestamp.from(entry.at()))
                .param("actor", entry.actor())
                .param("cause", entry.cause())
                .param("version", entry.agreementVersion().orElse(null))
                .param("data", json.jsonb(entry.data()))
                .update();
    }

    @Override
    public List<HistoryEntry> history(long leadId) {
        return jdbc.sql("""
                        select type, at, actor, cause, agreement_version, data from lead_history
                         where lead_id = :lead order by id
                        """)
                .param("lead", leadId)
                .query((row, i) -> new HistoryEntry(
                        row.getString("type"),
                        row.getTimestamp("at").toInstant(),
                        row.getString("actor"),
                        row.getString("cause"),
                        Optional.ofNullable((Integer) row.getObject("agreement_version")),
                        json.value(row.getString("data"))))
                .list();
    }

    private StoredLead map(ResultSet row, int index) throws SQLException {
        Timestamp coolOff = row.getTimestamp("cool_off_until");
        Timestamp firstTouch = row.getTimestamp("first_touch_at");
        Optional<Long> company = Optional.ofNullable((Long) row.getObject("company_id"));
        return new StoredLead(
                row.getLong("id"),
                new Email(row.getString("email")),
                false,
                company,
                json.textMap(row.getString("profile")),
                json.textMap(row.getString("company_profile")),
                new LeadStatus(
                        Stage.valueOf(row.getString("stage")),
                        row.getInt("cycle"),
                        Optional.ofNullable(coolOff).map(Timestamp::toInstant)),
                Optional.ofNullable((Integer) row.getObject("score")),
                Optional.ofNullable((Integer) row.getObject("scored_with")),
                Optional.ofNullable(firstTouch).map(Timestamp::toInstant));
    }
}
