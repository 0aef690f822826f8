package dev.baton.adapter.persistence;

import dev.baton.core.engine.LeadStore;
import dev.baton.core.engine.StoredLead;
import dev.baton.core.lead.Email;
import dev.baton.core.lifecycle.LeadStatus;
import dev.baton.core.lifecycle.Stage;
import dev.baton.core.routing.AccountNames;
import dev.baton.core.routing.RoutingDecision;
import dev.baton.core.timeline.HistoryEntry;
import dev.baton.core.timeline.TimelineEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Leads, companies and lead history in PostgreSQL. */
public final class JdbcLeadStore implements LeadStore {

    private static final String SELECT = """
            select l.id, l.email, l.company_id, l.profile, coalesce(c.profile, '{}') as company_profile, l.stage,
                   l.cycle, l.cool_off_until, l.sent_back_at, l.score, l.scored_with, l.first_touch_at, l.score_trace,
                   l.xmin::text::bigint as revision
              from lead l left join company c on c.id = l.company_id
            """;

    private final JdbcClient jdbc;
    private final Json json;
    private final JdbcFunnel funnel;

    public JdbcLeadStore(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.json = new Json(mapper);
        this.funnel = new JdbcFunnel(jdbc);
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
    public List<StoredLead> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where l.id = any(:ids) order by l.id")
                .param("ids", ids.toArray(Long[]::new))
                .query(this::map)
                .list();
    }

    @Override
    public Map<String, StoredLead> lockOrCreateAll(Collection<Email> emails, Instant at) {
        String[] addresses = emails.stream().map(Email::address).sorted().toArray(String[]::new);
        Set<String> created = new HashSet<>(jdbc.sql("""
                        insert into lead (email, created_at, updated_at)
                        select e, :at, :at from unnest(:emails::text[]) as e
                        on conflict (email) do nothing
                        returning email
                        """)
                .param("emails", addresses)
                .param("at", Timestamp.from(at))
                .query(String.class)
                .list());
        var leads = new HashMap<String, StoredLead>();
        jdbc.sql(SELECT + " where l.email = any(:emails) order by l.id for no key update of l")
                .param("emails", addresses)
                .query(this::map)
                .list()
                .forEach(lead -> leads.put(
                        lead.email().address(), created.contains(lead.email().address()) ? lead.asCreated() : lead));
        return leads;
    }

    @Override
    public void saveScores(List<ScoreWrite> scores) {
        if (!scores.isEmpty()) {
            writeScores(scores, null, "");
        }
    }

    /**
     * The revision is the row's {@code xmin}, the transaction that wrote this version of it: it changes with every
     * update, and a lock that waited for a concurrent writer sees that writer's version.
     */
    @Override
    public Set<Long> saveScoresUnlessChanged(List<ScoreWrite> scores, Map<Long, Long> revisions) {
        if (scores.isEmpty()) {
            return Set.of();
        }
        Long[] expected =
                scores.stream().map(write -> revisions.get(write.leadId())).toArray(Long[]::new);
        // locked in id order first, as every other locker does, so that this write never deadlocks with them
        jdbc.sql("select id from lead where id = any(:ids) order by id for no key update")
                .param("ids", scores.stream().map(ScoreWrite::leadId).toArray(Long[]::new))
                .query(Long.class)
                .list();
        return new HashSet<>(writeScores(scores, expected, " and l.xmin = u.revision::text::xid"));
    }

    private List<Long> writeScores(List<ScoreWrite> scores, Long[] revisions, String guard) {
        var ids = new Long[scores.size()];
        var traces = new byte[scores.size()][];
        var totals = new Integer[scores.size()];
        var fits = new Integer[scores.size()];
        var intents = new Integer[scores.size()];
        var ats = new String[scores.size()];
        var versions = new Integer[scores.size()];
        for (int i = 0; i < scores.size(); i++) {
            ScoreWrite write = scores.get(i);
            ids[i] = write.leadId();
            traces[i] = ScoringTraceCodec.encode(write.trace());
            totals[i] = write.score().total();
            fits[i] = write.score().fit();
            intents[i] = write.score().intent();
            ats[i] = write.score().at().toString();
            versions[i] = write.agreementVersion();
        }
        return jdbc.sql("""
                        update lead l set score_trace = u.trace, score = u.score, fit = u.fit, intent = u.intent,
                               score_card = null, scored_at = u.at::timestamptz, scored_with = u.version
                          from unnest(:ids::bigint[], :traces::bytea[], :scores::int[], :fits::int[], :intents::int[],
                                      :ats::text[], :versions::int[], :revisions::bigint[])
                               as u(id, trace, score, fit, intent, at, version, revision)
                         where l.id = u.id""" + guard + " returning l.id")
                .param("ids", ids)
                .param("traces", traces)
                .param("scores", totals)
                .param("fits", fits)
                .param("intents", intents)
                .param("ats", ats)
                .param("versions", versions)
                .param("revisions", revisions == null ? new Long[scores.size()] : revisions)
                .query(Long.class)
                .list();
    }

    @Override
    public void appendAll(List<LeadEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into lead_history (lead_id, type, at, actor, cause, agreement_version, data)
                        select lead, type, at::timestamptz, actor, cause, version, data::jsonb
                          from unnest(:leads::bigint[], :types::text[], :ats::text[], :actors::text[], :causes::text[],
                                      :versions::int[], :data::text[])
                               with ordinality as u(lead, type, at, actor, cause, version, data, n)
                         order by n
                        """)
                .param("leads", entries.stream().map(LeadEntry::leadId).toArray(Long[]::new))
                .param("types", entries.stream().map(e -> e.entry().type()).toArray(String[]::new))
                .param(
                        "ats",
                        entries.stream().map(e -> e.entry().at().toString()).toArray(String[]::new))
                .param("actors", entries.stream().map(e -> e.entry().actor()).toArray(String[]::new))
                .param("causes", entries.stream().map(e -> e.entry().cause()).toArray(String[]::new))
                .param(
                        "versions",
                        entries.stream()
                                .map(e -> e.entry().agreementVersion().orElse(null))
                                .toArray(Integer[]::new))
                .param(
                        "data",
                        entries.stream()
                                .map(e -> json.text(LeadEventJson.data(e.entry().event())))
                                .toArray(String[]::new))
                .update();
        funnel.applyAll(entries);
    }

    @Override
    public List<Long> openLeadIdsAfter(long afterId, long untilId, int limit) {
        return jdbc.sql("""
                        select id from lead where id > :after and id <= :until
                           and stage not in ('WON', 'LOST', 'DISQUALIFIED')
                         order by id limit :limit
                        """)
                .param("after", afterId)
                .param("until", untilId)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    @Override
    public List<StoredLead> readOpen(long firstId, long lastId) {
        return jdbc.sql(SELECT + """
                         where l.id between :first and :last and l.stage not in ('WON', 'LOST', 'DISQUALIFIED')
                         order by l.id
                        """)
                .param("first", firstId)
                .param("last", lastId)
                .query(this::map)
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
    public List<Long> unroutedMqls(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id from lead
                         where id in (:ids) and stage = 'MQL' and owner is null and queue is null order by id
                        """).param("ids", List.copyOf(ids)).query(Long.class).list();
    }

    @Override
    public Map<String, Long> companiesWithDomains(Collection<String> domains, Instant at) {
        String[] sorted = domains.stream().sorted().distinct().toArray(String[]::new);
        jdbc.sql("""
                        insert into company (domain, profile, created_at, updated_at)
                        select d, jsonb_build_object('company.domain', d), :at, :at from unnest(:domains::text[]) as d
                        on conflict (domain) do nothing
                        """).param("domains", sorted).param("at", Timestamp.from(at)).update();
        var ids = new HashMap<String, Long>();
        jdbc.sql("select id, domain from company where domain = any(:domains)")
                .param("domains", sorted)
                .query((row, i) -> ids.put(row.getString("domain"), row.getLong("id")))
                .list();
        return ids;
    }

    @Override
    public Map<Long, Map<String, String>> companyProfiles(Collection<Long> companyIds) {
        var profiles = new HashMap<Long, Map<String, String>>();
        if (companyIds.isEmpty()) {
            return profiles;
        }
        jdbc.sql("select id, profile from company where id = any(:ids)")
                .param("ids", companyIds.stream().distinct().toArray(Long[]::new))
                .query((row, i) -> profiles.put(row.getLong("id"), json.textMap(row.getString("profile"))))
                .list();
        return profiles;
    }

    @Override
    public void saveProfiles(Map<Long, Map<String, String>> profiles, Map<Long, Long> companyByLead, Instant at) {
        var ids = new java.util.TreeSet<Long>(profiles.keySet());
        ids.addAll(companyByLead.keySet());
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update lead l set profile = coalesce(u.profile::jsonb, l.profile),
                               company_id = coalesce(u.company, l.company_id),
                               updated_at = case when u.profile is null then l.updated_at else :at end
                          from unnest(:ids::bigint[], :profiles::text[], :companies::bigint[]) as u(id, profile, company)
                         where l.id = u.id
                        """)
                .param("ids", ids.toArray(Long[]::new))
                .param(
                        "profiles",
                        ids.stream()
                                .map(id -> profiles.containsKey(id) ? json.text(profiles.get(id)) : null)
                                .toArray(String[]::new))
                .param("companies", ids.stream().map(companyByLead::get).toArray(Long[]::new))
                .param("at", Timestamp.from(at))
                .update();
    }

    @Override
    public void mergeCompanyProfiles(Map<Long, Map<String, String>> fields, Instant at) {
        if (fields.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update company c set profile = c.profile || u.fields::jsonb, updated_at = :at,
                               normalized_name = coalesce(u.normalized, c.normalized_name)
                          from unnest(:ids::bigint[], :fields::text[], :normalized::text[]) as u(id, fields, normalized)
                         where c.id = u.id
                        """)
                .param("ids", fields.keySet().toArray(Long[]::new))
                .param("fields", fields.values().stream().map(json::text).toArray(String[]::new))
                .param(
                        "normalized",
                        fields.values().stream()
                                .map(f -> Optional.ofNullable(f.get("company.name"))
                                        .map(AccountNames::normalize)
                                        .orElse(null))
                                .toArray(String[]::new))
                .param("at", Timestamp.from(at))
                .update();
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
        jdbc.sql("""
                        update company set profile = profile || :fields, updated_at = :at,
                               normalized_name = coalesce(:normalized, normalized_name)
                         where id = :id
                        """)
                .param(
                        "normalized",
                        Optional.ofNullable(fields.get("company.name"))
                                .map(AccountNames::normalize)
                                .orElse(null))
                .param("fields", json.jsonb(fields))
                .param("at", Timestamp.from(at))
                .param("id", companyId)
                .update();
    }

    @Override
    public void saveStatus(long leadId, LeadStatus status, Instant at) {
        jdbc.sql("""
                        update lead set stage = :stage, cycle = :cycle, cool_off_until = :until,
                               sent_back_at = :sentBack, updated_at = greatest(updated_at, :at)
                         where id = :id
                        """)
                .param("stage", status.stage().name())
                .param("cycle", status.cycle())
                .param("until", status.coolOffUntil().map(Timestamp::from).orElse(null))
                .param("sentBack", status.sentBackAt().map(Timestamp::from).orElse(null))
                .param("at", Timestamp.from(at))
                .param("id", leadId)
                .update();
    }

    @Override
    public void saveQualification(
            long leadId, Optional<Integer> agreementVersion, Instant at, String why, List<String> priority) {
        jdbc.sql("""
                        update lead set qualified_with = :version, qualified_at = :at, why_qualified = :why,
                               priority = :priority
                         where id = :id
                        """)
                .param("version", agreementVersion.orElse(null))
                .param("at", Timestamp.from(at))
                .param("why", why)
                .param("priority", json.jsonb(priority))
                .param("id", leadId)
                .update();
    }

    @Override
    public void saveRouting(long leadId, RoutingDecision decision, Instant at) {
        String owner = decision instanceof RoutingDecision.Assigned assigned ? assigned.rep() : null;
        String team = decision instanceof RoutingDecision.Assigned assigned
                ? assigned.team().orElse(null)
                : null;
        String queue = decision instanceof RoutingDecision.Unroutable unroutable ? unroutable.queue() : null;
        jdbc.sql("""
                        update lead set owner = :owner, team = :team, queue = :queue, assigned_at = :at,
                               routing = :routing
                         where id = :id
                        """)
                .param("owner", owner)
                .param("team", team)
                .param("queue", queue)
                .param("at", Timestamp.from(at))
                .param("routing", json.jsonb(decision))
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
                .param("data", json.jsonb(LeadEventJson.data(entry.event())))
                .update();
        funnel.apply(new LeadEntry(leadId, entry));
    }

    @Override
    public List<TimelineEntry> history(long leadId) {
        return jdbc.sql("""
                        select type, at, actor, cause, agreement_version, data from lead_history
                         where lead_id = :lead order by id
                        """)
                .param("lead", leadId)
                .query((row, i) -> new TimelineEntry(
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
                        Optional.ofNullable(coolOff).map(Timestamp::toInstant),
                        Optional.ofNullable(row.getTimestamp("sent_back_at")).map(Timestamp::toInstant)),
                Optional.ofNullable((Integer) row.getObject("score")),
                Optional.ofNullable((Integer) row.getObject("scored_with")),
                Optional.ofNullable(firstTouch).map(Timestamp::toInstant),
                ScoringTraceCodec.decode(row.getBytes("score_trace")),
                row.getLong("revision"));
    }
}
